#!/usr/bin/env sh
# azd postprovision hook: creates the certificate that encrypts the data-protection key ring, once.
# Key Vault generates it (self-signed, private key never leaves the vault except to the app's identity) and
# renews it as a new version 90 days before it expires; the app encrypts with the newest version and
# decrypts with every enabled one. Reads AZURE_KEY_VAULT_NAME and KEY_RING_CERTIFICATE_NAME (Bicep outputs).
set -eu
vault="${AZURE_KEY_VAULT_NAME:?run through azd, or set AZURE_KEY_VAULT_NAME}"
name="${KEY_RING_CERTIFICATE_NAME:-dataprotection-keys}"

if az keyvault certificate show --vault-name "$vault" --name "$name" --only-show-errors >/dev/null 2>&1; then
  echo "Key ring certificate '$name' already in $vault."
  exit 0
fi

policy='{
  "issuerParameters": { "name": "Self" },
  "keyProperties": { "keyType": "RSA", "keySize": 3072, "exportable": true, "reuseKey": false },
  "secretProperties": { "contentType": "application/x-pkcs12" },
  "x509CertificateProperties": {
    "subject": "CN=TalentReview data protection",
    "keyUsage": ["keyEncipherment", "dataEncipherment"],
    "validityInMonths": 24
  },
  "lifetimeActions": [{ "trigger": { "daysBeforeExpiry": 90 }, "action": { "actionType": "AutoRenew" } }]
}'

# The Certificates Officer role Bicep just granted can take a few minutes to reach the vault.
attempt=1
until az keyvault certificate create --vault-name "$vault" --name "$name" --policy "$policy" --only-show-errors >/dev/null; do
  if [ "$attempt" -ge 10 ]; then
    echo "Could not create certificate '$name' in $vault: you need Key Vault Certificates Officer on it." >&2
    exit 1
  fi
  attempt=$((attempt + 1))
  sleep 30
done
echo "Created key ring certificate '$name' in $vault."
