"""Sentence templates for the synthetic workload. ``{slot}`` names are filled by workload.Slots.

A slot repeated in one draft keeps its value ("{first}" in a review's author and in the reply);
a trailing digit asks for another value of the same kind ("{first2}").
"""

# (review the reply answers, the reply). Some replies violate, most are fine.
REPLIES = (
    ("Waited almost {n} minutes past my appointment time.",
     "{first}, we're so sorry your {procedure} on {date} ran late. Please call us at {office_phone}."),
    ("Waited forever.", "{first}, thank you for the feedback. We'd like to hear more; please call {office_phone}."),
    ("{staff} was amazing with my {procedure}!", "Thank you, {first}! We'll pass this along to the team {emoji}"),
    ("My {procedure} still hurts.",
     "{first}, so sorry your {procedure} still hurts after your visit {reldate}. {staff} will call you today."),
    ("Best practice in {office_town}!!", "Thanks so much for the kind words, {first}! {emoji}"),
    ("Couldn't get my {medication} refilled for a week.",
     "Hi {first}, we can't discuss details here, but we want to help. Please call {office_phone}."),
    ("Front desk was rude when I called about my bill.",
     "We're sorry to hear this. Please email {office_email} so our billing lead can follow up."),
    ("They caught my {condition} early. Forever grateful.",
     "{first}, we're so glad you're feeling better after your {condition} diagnosis! {emoji}"),
    ("Took my son in for {condition}, great care.",
     "Thank you {first}! Glad your little one is on the mend {emoji}{emoji2}"),
    ("Billing charged me twice!!", "Hi {first}, please call {office_phone} and ask for billing; we'll sort it out."),
    ("Excelente atención, muy amables {emoji}", "¡Muchas gracias, {first}! Nos alegra mucho {emoji}"),
    ("Esperé más de una hora para mi {procedure_es}.",
     "{first}, lamentamos mucho la espera del {date_es}. Llámenos al {office_phone}, por favor."),
    ("Is {staff} taking new patients?", "Yes! Book at {office_url} or call {office_phone} {emoji}"),
    ("Great with my kids' {procedure}s", "{first}, see you and the kids at the next {procedure} on {date}!"),
)

SHORT_POSTS = (
    "Flu season is here! Walk-in flu shots at our {office_town} office, Mon-Fri 8am-5pm. Questions? Call {office_phone}. {ctag}",
    "Congrats to {first} {last} on finishing {procedure} {reldate}!! We are so proud of you #{first}Strong {emoji}",
    "Say hi to {staff}, working out of our {office_town} office this month! {emoji}",
    "Closed {holiday}. Happy holidays from all of us at {practice}! {emoji}{emoji2}",
    "Happy {old_age}th birthday to our favorite patient {first}! {emoji}{emoji2}",
    "This month is {gcondition} awareness month: talk to your doctor about screening. {ctag} {ctag2}",
    "Found a phone in the lobby. Owner: {phone}. Come by the front desk!",
    "Big shoutout to {handle} for the post-{procedure} selfie {emoji} {htag}",
    "Welcome baby {first}, born {date} at {office_town}! Congrats to the {last} family {emoji}",
    "Our {office_town} office opens late on {date} for staff training. Thanks for your patience!",
    "Did you know? {fact} {ctag}",
    "{first} {last}, please call {office_phone} about your lab results.",
    "Thank you {first} for 10 years of bringing us donuts every {weekday} {emoji}",
    "{figure} has spoken openly about {gcondition}. You are not alone. {ctag}",
    "Booking for fall sports physicals is open: {office_url} {emoji}",
    "Patient of the week: {first}, {age}, back on the field after a {condition}! {emoji} {htag}",
    "We're hiring a front desk coordinator in {office_town}. Send a resume to careers@cedarhollowhealth.example",
    "{first} {last} from {town} just got {procedure_cap} done and is doing great {emoji}",
    "New patient portal is live at {office_url}. Refill {medication} or message your care team any time.",
    "Reminder: our lobby is mask-friendly {emoji} Stay well, {town}!",
    "Shout out to {office_handle} for the {procedure} tips {emoji} {ctag}",
    "{first} asked us to share: email {email} if you found a blue backpack in the lot.",
)
SHORT_POSTS_ES = (
    "¡Vacunas contra la gripe sin cita en {office_town}! Llame al {office_phone}. {ctag}",
    "Feliz cumpleaños a {first}, nuestra paciente favorita {emoji}{emoji2}",
    "Consejo del día: {fact_es} #SaludFamiliar",
    "¡Felicidades a {first} {last} por terminar su {procedure_es} {reldate_es}! {emoji}",
    "Hablamos español en {office_town}. Llame al {office_phone} para una cita {emoji}",
)
COMMENTS = (
    ("When can I come in for my {procedure}?", "{first}, we just sent you a DM with times {emoji}"),
    ("Love this team!!", "{emoji}{emoji2} thank you!"),
    ("My mom has {condition}, can she come in?", "Hi {first}! Please call {office_phone} and we'll help you set up a visit."),
    ("How much is a {procedure}?", "Great question! Please call {office_phone} for pricing."),
    ("¿Aceptan Medicaid?", "¡Sí! Llame al {office_phone} para más información {emoji}"),
    ("Tagging {handle}, you need this", "{emoji}"),
)
DMS = (
    ("is my refill ready?", "Hi! Your {medication} refill is ready at the {office_town} pharmacy window."),
    ("Can I move my appointment?", "Hi {first}, your {procedure} is now {weekday} {date} at {time}. Reply C to confirm."),
    ("what did my results say", "Hi {first}, please log in to the portal at {office_url} to see your results."),
    ("¿Mi cita es mañana?", "Hola {first}, su {procedure_es} es el {date_es} a las {time}."),
)

# Medium drafts are built from one theme's sentences.
MEDIUM_THEMES = {
    "spotlight": (
        "Meet {staff}! {emoji}",
        "This month we're shining a light on one of the people who make {practice} run.",
        "Ask them about hiking the trails around {office_town} on the weekends.",
        "They've been with us for {n} years and still bring snacks on {weekday}s.",
        "When they're not at work you'll find them coaching Little League in {town}.",
        "Fun fact: they can name every bone in the hand in under a minute.",
        "Stop by and say hi next time you're in! {ctag} {ctag2}",
        "Our patients tell us they feel at home the moment they walk in, and that's no accident.",
    ),
    "story": (
        "We want to celebrate {first} {last} today {emoji}",
        "Back in {month}, {first} came in with {condition} and a lot of worry.",
        "After {procedure}, physical therapy with Keoni and a lot of grit, {first} is running again.",
        "{first}'s mom, {first2}, was by their side at every appointment.",
        "Last {weekday} {first} walked out of the {office_town} office without the brace!",
        "We're proud to be part of your story. #{first}Strong {htag}",
        "Thank you for letting us share this, {first}! {emoji}",
        "If you see {first} around {town}, give a high five.",
    ),
    "education": (
        "Let's talk about {gcondition} {emoji}",
        "{fact}",
        "Early signs can be easy to miss, so regular checkups matter.",
        "Our providers recommend a yearly visit for most adults, and more often if you have a family history.",
        "If you have questions, our nurse line is open 24/7 at {office_phone}.",
        "Call 911 for chest pain, trouble breathing or sudden weakness.",
        "Learn more at {office_url} or ask at your next visit. {ctag}",
        "Remember: this post is general information, not medical advice for your situation.",
    ),
    "event": (
        "Join us for our community health fair on {date}! {emoji}",
        "Free blood pressure checks, flu shots and kids' dental screenings from 9 to 1.",
        "It's at {place} in {town}, with parking on {street}.",
        "{staff} will give a short talk on {gcondition} at 11.",
        "Bring the family: face painting, a bounce house and healthy snacks.",
        "RSVP at {office_url} or call {office_phone}. {ctag}",
        "Volunteers wanted! Email {office_email} if you can help set up.",
    ),
    "reply": (
        "Hi {first}, thank you for taking the time to write this.",
        "We're sorry your visit on {date} didn't go the way you hoped.",
        "We take every concern seriously and have shared your feedback with our {office_town} team.",
        "{staff} would like to talk with you directly about your {procedure}.",
        "Please call {office_phone} and ask for our patient advocate, or email {office_email}.",
        "We hope to have the chance to make this right.",
        "Wishing you and your family a healthy {season}. {emoji}",
    ),
    "es": (
        "¡Hola, {town}! {emoji}",
        "Este {month_es} ofrecemos {procedure_es} gratis para niños en {office_town}.",
        "{fact_es}",
        "Nuestra enfermera {first} habla español y está disponible de lunes a viernes.",
        "Llame al {office_phone} o visite {office_url} para hacer una cita.",
        "¡Felicidades a {first2} {last2} por su recuperación de {condition_es}! {emoji}",
        "Gracias a todas las familias que nos visitaron el {date_es}. #SaludFamiliar",
    ),
}

NEWSLETTER_TITLES = (
    "{practice} {season} Newsletter {emoji}",
    "News from {practice}: {season} {year}",
    "The Cedar Hollow Chronicle, {month} {year}",
)
NEWSLETTER_SECTIONS = ("spotlight", "story", "education", "event", "es")
NEWSLETTER_HEADINGS = {
    "spotlight": "STAFF SPOTLIGHT", "story": "PATIENT OF THE MONTH", "education": "HEALTH TIP",
    "event": "UPCOMING EVENTS", "es": "EN ESPAÑOL",
}
NEWSLETTER_CLOSING = (
    "That's all for this issue. Follow us at {office_handle} and stay well! {emoji}",
    "Questions about anything in this newsletter? Call {office_phone} or email {office_email}.",
)
