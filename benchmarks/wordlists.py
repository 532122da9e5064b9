"""Small word lists for the synthetic benchmark workload. Invented or generic; no corpus text.

The practice look-alikes (its name, towns, phones, staff) follow samples/profile.json, so the
workload exercises look-alike handling the way a real practice's drafts would.
"""

FIRST = (
    "Maria", "Tom", "Ellie", "Jake", "Priya", "Marcus", "Aiden", "Chloe", "Darnell", "Fatima",
    "Grace", "Hector", "Ingrid", "Jamal", "Keiko", "Liam", "Mateo", "Nora", "Omar", "Paige",
    "Quinn", "Rosa", "Sam", "Tasha", "Uma", "Victor", "Wren", "Ximena", "Yusuf", "Zoe",
    "Lupe", "José", "Guadalupe", "Alejandro", "Sofía", "Carmen", "Diego", "Lucía", "Andrés",
    "Beatriz", "Bill", "Peggy", "Hank", "Dolores", "Walt", "Irene", "Gus", "Marjorie", "Ray",
    "Nell", "Tyler", "Brooke", "Kayden", "Harper", "Ezra", "Mila", "Theo", "Ava", "Noah", "Ruby",
)
LAST = (
    "Brandt", "Garcia", "Nguyen", "Okonkwo", "Patel", "Schmidt", "Johnson", "Kim", "Lopez",
    "Murphy", "Hernandez", "Olsen", "Reyes", "Sullivan", "Tanaka", "Vasquez", "Walsh", "Young",
    "Becker", "Castillo", "Dawson", "Ellison", "Fischer", "Gutierrez", "Haddad", "Ibarra",
    "Jensen", "Kowalczyk", "Lindgren", "Moreno", "Novak", "Ortega", "Park", "Quintero", "Romero",
    "Silva", "Torres", "Ulrich", "Varga", "Whitfield", "Yamamoto", "Zamora", "McAllister", "Foster",
)
STAFF = (
    "Dr. Okafor", "Dr. Adaeze Okafor", "Dr. Alvarez", "Dr. Rafael Alvarez", "Dr. Zhou",
    "Dr. Mei-Lin Zhou", "Dr. Whitaker", "Dr. Raghunathan", "Dr. Lindqvist", "Dr. Nowak",
    "Dr. Al-Sayed", "Jordan Bellamy, PA-C", "Keoni", "Nia Thompson, LCSW", "Dawn Kowalski, RDH",
    "our hygienist Dawn",
)
PRACTICE = (
    "Cedar Hollow Health Partners", "Cedar Hollow", "CHHP", "Cedar Hollow Dental",
    "Cedar Hollow Urgent Care", "Cedar Hollow Pediatrics", "Whitaker Orthodontics at Cedar Hollow",
)
OFFICE_TOWNS = ("Alder Falls", "Port Ellery", "Millbrook")
OTHER_TOWNS = ("Birch Landing", "Quarry Hill", "West Tamsin", "Oakmere", "Lark Valley",
               "Sorrel Bay", "Hadley Crossing", "North Fennick")
STREETS = ("Juniper Ave", "Fernwood Dr", "Old Mill Rd", "Pine St", "Larkspur Ln",
           "Harbor View Ct", "Quarry Rd", "Elm St")
PLACES = ("St. Brendan's", "the Lark Valley high school gym", "Fennick Memorial", "the Elks lodge",
          "Sorrel Bay Elementary", "Grace Lutheran", "the Oakmere YMCA")
OFFICE_PHONES = ("(503) 555-0142", "(503) 555-0190", "(541) 555-0117", "(541) 555-0131")
PRACTICE_EMAILS = ("hello@cedarhollowhealth.example", "billing@cedarhollowhealth.example")
PRACTICE_URLS = ("https://www.cedarhollowhealth.example", "cedarhollowhealth.example/book",
                 "cedarhollowhealth.example/portal")
PRACTICE_HANDLES = ("@cedarhollowhealth", "@cedarhollowdental", "@chhp_kids")
MAIL_DOMAINS = ("gmail.com", "yahoo.com", "outlook.com", "icloud.com", "proton.me")
PUBLIC_FIGURES = ("Michael J. Fox", "Serena Williams", "Simone Biles", "Damar Hamlin",
                  "Selena Gomez", "President Carter")
HOLIDAYS = ("Thanksgiving", "Christmas Day", "New Year's Day", "Memorial Day", "July 4th",
            "Labor Day")

CONDITIONS = (
    "diabetes", "type 1 diabetes", "asthma", "high blood pressure", "a broken wrist", "the flu",
    "strep throat", "melanoma", "breast cancer", "depression", "anxiety", "ADHD", "pneumonia",
    "a concussion", "eczema", "a torn ACL", "shingles", "COVID", "migraines", "sleep apnea",
    "gestational diabetes", "a cavity", "gum disease", "an ear infection", "RSV", "kidney stones",
    "Lyme disease", "postpartum depression", "a peanut allergy", "heart failure",
)
GENERAL_CONDITIONS = ("heart disease", "skin cancer", "the flu", "seasonal allergies",
                      "high blood pressure", "diabetes", "gum disease", "RSV")
PROCEDURES = (
    "root canal", "crown", "filling", "cleaning", "knee replacement", "colonoscopy", "mammogram",
    "physical", "MRI", "braces", "wisdom tooth extraction", "skin biopsy", "stress test",
    "ultrasound", "flu shot", "allergy testing", "PT session", "Invisalign fitting",
    "hip replacement", "well-child visit", "sports physical", "chemo", "stitches",
)
MEDICATIONS = (
    "lisinopril", "metformin", "amoxicillin", "albuterol", "insulin", "Zoloft", "Adderall",
    "an EpiPen", "prednisone", "ibuprofen", "Ozempic", "Lexapro", "a CPAP machine", "Flonase",
    "the RSV vaccine", "Tdap", "Paxlovid",
)
CONDITIONS_ES = ("diabetes", "asma", "presión alta", "gripe", "ansiedad", "dolor de muelas",
                 "alergias", "colesterol alto", "migraña", "embarazo")
PROCEDURES_ES = ("limpieza dental", "endodoncia", "vacuna", "ultrasonido", "consulta",
                 "análisis de sangre", "terapia física", "frenos")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
MONTHS_ES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
             "septiembre", "octubre", "noviembre", "diciembre")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
RELDATES = ("yesterday", "last Tuesday", "this morning", "two weeks ago", "last Friday",
            "on Monday", "last weekend", "3 weeks ago")
RELDATES_ES = ("ayer", "el martes pasado", "esta mañana", "hace dos semanas")
TIMES = ("8:30am", "9:15 am", "10am", "11:45", "1:30pm", "2 pm", "3:20pm", "4:40 PM")
SEASONS = ("Spring", "Summer", "Fall", "Winter")
EMOJI = ("🎉", "❤️", "💙", "🙏", "😊", "🦷", "💪", "🌸", "✨", "👏", "😷", "🩺", "💉", "🍂", "☀️",
         "🎂", "👶", "🏥", "😂", "🥳", "🤞", "👍🏽", "❄️", "🧡", "🙌🏾")
COMMUNITY_TAGS = ("#dentaltok", "#urgentcare", "#fyp", "#familymedicine", "#smallbusiness",
                  "#healthylifestyle", "#oregon", "#teamwork", "#CedarHollowHealth", "#chhpkids",
                  "#fluseason", "#selfcare", "#mentalhealthmatters", "#SaludFamiliar", "#pnw")
HEALTH_TAGS = ("#bracesoff", "#cancersurvivor", "#melanoma", "#type1diabetes", "#NICUgrad",
               "#kneereplacement", "#chemodone", "#sobriety", "#asthmawarrior")
FACTS = (
    "Flossing once a day cuts your risk of gum disease.",
    "Adults should get a flu shot every year.",
    "Sunscreen with SPF 30 or more helps prevent skin cancer.",
    "Most adults need 7 or more hours of sleep a night.",
    "A blood pressure under 120/80 is considered normal.",
    "Kids should see a dentist by their first birthday.",
    "Walking 30 minutes a day is good for your heart.",
    "Seasonal allergies often peak in late spring here in the valley.",
)
FACTS_ES = (
    "Cepillarse dos veces al día previene las caries.",
    "La vacuna contra la gripe es para todos mayores de 6 meses.",
    "Tomar agua y caminar todos los días ayuda al corazón.",
)
