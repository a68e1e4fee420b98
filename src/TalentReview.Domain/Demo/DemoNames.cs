using TalentReview.Domain.Rosters;

namespace TalentReview.Domain.Demo;

/// <summary>The vocabulary of the demo company: names by language, departments, titles and sites.</summary>
internal static class DemoNames
{
    public static readonly string[] DutchFirstNames =
    [
        "Lotte", "Jan", "Pieter", "An", "Els", "Wout", "Sofie", "Tom", "Lien", "Bram", "Jef", "Ine", "Koen", "Hanne", "Stijn", "Femke",
        "Thomas", "Elke", "Joris", "Nele", "Ruben", "Marieke", "Dries", "Katrien", "Senne", "Annelies", "Lars", "Griet", "Wim", "Eline",
    ];

    public static readonly string[] FrenchFirstNames =
    [
        "Julie", "Nicolas", "Camille", "Maxime", "Sophie", "Antoine", "Manon", "Louis", "Chloé", "Hugo", "Amélie", "Olivier", "Céline",
        "Mathieu", "Aurélie", "Romain", "Laura", "Sébastien", "Pauline", "Quentin", "Élodie", "François", "Margaux", "Cédric", "Noémie",
    ];

    public static readonly string[] EnglishFirstNames =
    [
        "Emma", "James", "Olivia", "Daniel", "Grace", "Samuel", "Hannah", "Michael", "Sarah", "David", "Rachel", "Oliver", "Amy", "Ryan",
    ];

    public static readonly string[] DutchLastNames =
    [
        "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet", "Van den Broeck",
        "Vermeulen", "Hermans", "Aerts", "Verstraete", "De Backer", "Van Damme", "Coppens", "Desmet", "Van Acker", "D'Hondt", "Pauwels",
    ];

    public static readonly string[] FrenchLastNames =
    [
        "Dubois", "Lambert", "Dupont", "Martin", "Leclercq", "Lejeune", "Renard", "Simon", "Laurent", "Lemaire", "Collignon", "Dumont",
        "Gilson", "Hubert", "Delvaux", "Charlier", "François", "Henrard", "Piette", "Wauters",
    ];

    public static readonly string[] EnglishLastNames =
    [
        "Smith", "Brown", "Taylor", "Wilson", "Evans", "Walker", "Hughes", "Clarke", "O'Neill", "Murphy",
    ];

    public static readonly string[] DutchSites = ["Antwerpen", "Gent", "Leuven", "Mechelen", "Hasselt", "Brugge"];

    public static readonly string[] FrenchSites = ["Liège", "Namur", "Charleroi", "Mons", "Louvain-la-Neuve"];

    public const string HeadOffice = "Brussels";

    /// <summary>Departments with their weight in headcount and the role people in them hold.</summary>
    public static readonly (string Name, int Weight, string Role)[] Departments =
    [
        ("Operations", 26, "Operations Specialist"),
        ("Logistics", 18, "Logistics Coordinator"),
        ("Sales", 12, "Account Manager"),
        ("Customer Service", 11, "Customer Advisor"),
        ("IT", 10, "Software Engineer"),
        ("Finance", 7, "Financial Analyst"),
        ("Marketing", 5, "Marketing Specialist"),
        ("Research & Development", 5, "Product Engineer"),
        ("Human Resources", 4, "HR Business Partner"),
        ("Legal & Compliance", 2, "Legal Counsel"),
    ];

    public static readonly (ContractType Value, int Weight)[] ContractShares =
    [
        (ContractType.Permanent, 850), (ContractType.FixedTerm, 70), (ContractType.Interim, 40),
        (ContractType.Student, 20), (ContractType.Trainee, 15), (ContractType.Freelance, 5),
    ];

    public static readonly (EmploymentStatus Value, int Weight)[] StatusShares =
    [
        (EmploymentStatus.Active, 930), (EmploymentStatus.LongTermLeave, 30), (EmploymentStatus.ParentalLeave, 20),
        (EmploymentStatus.NoticePeriod, 15), (EmploymentStatus.Inactive, 5),
    ];

    public static string ContractText(ContractType contract) => contract switch
    {
        ContractType.Permanent => "permanent",
        ContractType.FixedTerm => "fixed-term",
        ContractType.Interim => "interim",
        ContractType.Student => "student",
        ContractType.Trainee => "trainee",
        _ => "freelance",
    };

    public static string StatusText(EmploymentStatus status) => status switch
    {
        EmploymentStatus.Active => "active",
        EmploymentStatus.LongTermLeave => "long-term leave",
        EmploymentStatus.ParentalLeave => "parental leave",
        EmploymentStatus.NoticePeriod => "notice period",
        _ => "inactive",
    };
}
