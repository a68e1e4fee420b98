namespace TalentReview.Web.Html;

/// <summary>The one stylesheet, inlined so pages need no static files and work in both hosts as they are.</summary>
internal static class Styles
{
    public static readonly Markup Css = new("""
        :root{--ink:#1b2430;--muted:#5a6675;--line:#d5dbe3;--bg:#f5f7fa;--card:#fff;--accent:#1f5fa8;--accent-ink:#fff;--ok:#1e7a46;--warn:#9a5b00;--bad:#b42318;--focus:#ffbf47}
        *{box-sizing:border-box}
        body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);background:var(--bg)}
        .skip{position:absolute;left:-999px;top:0;background:var(--card);padding:.5rem 1rem}
        .skip:focus{left:1rem;z-index:10}
        .top{background:var(--ink);color:#fff;padding:.75rem 1.5rem}
        .brand{font-weight:700;letter-spacing:.02em}
        main{max-width:72rem;margin:0 auto;padding:1.5rem}
        main:focus{outline:none}
        h1{font-size:1.6rem;margin:.5rem 0 1rem}
        h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
        h3{font-size:1.05rem;margin:.25rem 0 .5rem}
        .foot{max-width:72rem;margin:2rem auto;padding:0 1.5rem;color:var(--muted);font-size:.85rem}
        .lead{color:var(--muted);max-width:48rem}
        .panel{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:1rem 1.25rem;margin:1rem 0}
        fieldset{border:1px solid var(--line);border-radius:8px;padding:.75rem 1rem;margin:1rem 0;background:var(--card)}
        legend{font-weight:600;padding:0 .25rem}
        label{display:block;font-weight:600;margin:.5rem 0 .2rem}
        .choice label{display:inline;font-weight:400;margin:0 .75rem 0 .25rem}
        .hint{display:block;color:var(--muted);font-size:.9rem;margin-bottom:.25rem}
        input[type=text],input[type=number],select,textarea{font:inherit;width:100%;max-width:40rem;padding:.45rem .55rem;border:1px solid #8a96a6;border-radius:4px;background:#fff;color:var(--ink)}
        textarea{min-height:6rem}
        .field-error{color:var(--bad);font-weight:600;display:block}
        .invalid input,.invalid select,.invalid textarea{border:2px solid var(--bad)}
        button,.button{font:inherit;font-weight:600;padding:.55rem 1.1rem;border-radius:4px;border:2px solid var(--accent);background:var(--accent);color:var(--accent-ink);cursor:pointer;text-decoration:none;display:inline-block}
        button.secondary{background:#fff;color:var(--accent)}
        .actions{display:flex;gap:.75rem;flex-wrap:wrap;margin-top:1rem}
        a{color:var(--accent)}
        :focus-visible{outline:3px solid var(--focus);outline-offset:2px}
        .error-summary{border:3px solid var(--bad);background:#fff;padding:1rem 1.25rem;border-radius:8px;margin:1rem 0}
        .error-summary h2{margin-top:0;color:var(--bad)}
        .notice{border-left:6px solid var(--ok);background:#fff;padding:.75rem 1rem;margin:1rem 0}
        .notice.warn{border-color:var(--warn)}
        .notice.bad{border-color:var(--bad)}
        dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
        dl.facts dt{font-weight:600}
        dl.facts dd{margin:0;white-space:pre-wrap}
        table{border-collapse:collapse;background:#fff;width:100%}
        th,td{border:1px solid var(--line);padding:.4rem .6rem;text-align:left;vertical-align:top}
        th{background:#eef2f6}
        .badge{display:inline-block;font-size:.75rem;font-weight:600;padding:.05rem .45rem;border-radius:999px;background:#eef2f6;border:1px solid var(--line);margin:.1rem .2rem 0 0}
        .badge.warn{background:#fff4e0;border-color:#f0c36d}
        .badge.bad{background:#fde8e6;border-color:#f1a39b}
        .grid-wrap{display:grid;grid-template-columns:1.5rem 4.5rem 1fr;gap:.35rem}
        .axis-y{grid-row:1;writing-mode:vertical-rl;transform:rotate(180deg);text-align:center;color:var(--muted);font-weight:600}
        .levels-y{grid-row:1;display:grid;grid-template-rows:repeat(3,1fr);align-items:center;text-align:right;font-size:.8rem;color:var(--muted)}
        .levels-x{grid-column:3;display:grid;grid-template-columns:repeat(3,1fr);text-align:center;font-size:.8rem;color:var(--muted)}
        .axis-x{grid-column:3;text-align:center;color:var(--muted);font-weight:600}
        .ninebox{display:grid;grid-template-columns:repeat(3,1fr);gap:.35rem}
        .box{border:1px solid var(--line);border-radius:8px;padding:.4rem .5rem;min-height:5.5rem}
        .box.heat-ok{background:#eef7f0}
        .box.heat-over{background:#fde8e6;border-color:#f1a39b}
        .box.heat-under{background:#e6eefa;border-color:#9db7e0}
        .swatch{display:inline-block;width:.9rem;height:.9rem;border-radius:3px;vertical-align:middle;border:1px solid var(--line);margin-left:.6rem}
        .swatch.heat-ok{background:#eef7f0}.swatch.heat-over{background:#fde8e6}.swatch.heat-under{background:#e6eefa}
        .box.drop{outline:3px dashed var(--accent)}
        .box h3{font-size:.9rem;margin:0}
        .box .levels{font-size:.7rem;color:var(--muted);margin:0}
        .box .share{font-size:.8rem;color:var(--muted);margin:0 0 .25rem}
        .box .share.off{color:var(--bad);font-weight:600}
        ul.chips{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem}
        .chip{display:inline-block;border:1px solid var(--line);border-left:3px solid var(--accent);border-radius:999px;background:#fff;font-size:.78rem;line-height:1.3;margin:0}
        .chip summary{cursor:pointer;list-style:none;padding:.1rem .5rem}
        .chip summary::-webkit-details-marker{display:none}
        .chip[draggable=true]{cursor:grab}
        .chip.moved{border-left-color:var(--warn)}
        .chip .dot{display:inline-block;margin-left:.25rem;color:var(--warn);font-weight:700}
        .chip.excluded{padding:.1rem .5rem;background:#f0f0f0;color:var(--muted);border-left-color:#999}
        .chip.excluded .meta{display:block;font-size:.7rem}
        .card .who{font-weight:600}
        .card[hidden]{display:none}
        form.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end}
        form.filters label{font-size:.85rem}
        form.filters p{flex-basis:100%;margin:0;color:var(--muted);font-size:.85rem}
        .card .meta{font-size:.8rem;color:var(--muted)}
        .chip details[open]>summary{background:var(--accent);color:#fff;border-radius:999px}
        .chip .side{position:fixed;top:0;right:0;bottom:0;width:min(26rem,100vw);overflow:auto;z-index:20;background:#fff;border-left:3px solid var(--accent);box-shadow:-4px 0 16px rgba(0,0,0,.15);padding:1rem 1.25rem;font-size:.9rem;line-height:1.45}
        .chip .side h4{margin:1rem 0 .25rem}
        .chip .side label{font-size:.85rem}
        .chip .side select,.chip .side textarea{font-size:.85rem}
        .chip .side button{font-size:.85rem;padding:.3rem .7rem;margin-top:.4rem}
        .table-scroll{overflow-x:auto}
        svg[data-grid]{max-width:100%;height:auto;display:block;margin:.5rem 0}
        svg[data-grid] a:focus rect{stroke:var(--focus);stroke-width:4}
        .muted{color:var(--muted)}
        .field.check label{display:inline;margin-left:.4rem}
        .report{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:1rem 1.25rem;margin:1.25rem 0}
        .columns{display:grid;grid-template-columns:1fr 1fr;gap:1.25rem}
        @media (max-width:52rem){.columns{grid-template-columns:1fr}.grid-wrap{grid-template-columns:1fr}.axis-y,.levels-y,.levels-x{display:none}.axis-x{grid-column:1}.ninebox{grid-template-columns:1fr}.chip .side{width:100vw}}
        .signin li{margin:.4rem 0}
        """);
}
