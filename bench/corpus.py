"""Synthetic news corpora for benchmarks: streams of wire-style articles with their claims.

`corpus(n, seed)` yields `ArticleSpec` items, each with the exact place, wording, kind and
speaker of every claim in its text, until the claim appearances reach `n`, and a
`ContradictionSpec` after each article that completes a contradicting pair. Propositions
repeat across articles, some come back slightly reworded, and a few are contradicted later
by a negation, an antonym or a changed number. The vocabulary follows a Zipf-like curve: a
few topic words are everywhere, while place, project, company and person names form a long
tail built combinatorially from the word lists below.

`fresh_article(seed)` writes one more article, outside every corpus, that reuses the
entities of the default corpus (seed 0) and contradicts some of its early propositions.

All randomness comes from a `random.Random` of the stream's own, so a seed always gives the
same corpus. Corpora of different sizes spread their articles over the same 27 years, so
they differ in dates (and in the years claims mention), but not in their other propositions.
The stream keeps bounded state only: a million claims take about as much memory as ten
thousand.
"""

from __future__ import annotations

import datetime
import heapq
import random
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from hashlib import blake2b

__all__ = ["ArticleSpec", "ClaimSpec", "ContradictionSpec", "SpeakerSpec", "corpus",
           "fresh_article"]

DIRECT, INDIRECT, NARRATION = "direct_quote", "indirect", "narration"


@dataclass(frozen=True)
class SpeakerSpec:
    name: str
    kind: str  # person | organization | country | group
    role: str | None


@dataclass
class ClaimSpec:
    ref: int  # one id per proposition: a repeat (same words, same speaker) keeps it
    text: str
    speaker: SpeakerSpec | None  # None: the outlet's own narration
    speaker_mention: str | None
    quote: str  # == article.text[start:end]
    start: int
    end: int
    kind: str  # direct_quote | indirect | narration


@dataclass
class ArticleSpec:
    text: str
    title: str
    outlet: str
    published: datetime.date
    url: str
    claims: list[ClaimSpec]


@dataclass(frozen=True)
class ContradictionSpec:
    ref_a: int
    ref_b: int
    cue: str  # negation | antonym | numeric


# --- Word lists -----------------------------------------------------------------------------

FEMALE_FIRST = (
    "Marta", "Ana", "Ingrid", "Amara", "Chiara", "Leila", "Yuki", "Priya", "Sofia", "Hanna",
    "Fatima", "Olga", "Nadia", "Elena", "Greta", "Ayesha", "Mei", "Zainab", "Lucia", "Astrid",
    "Beatriz", "Camille", "Dagny", "Esther", "Folake", "Gabriela", "Hiroko", "Irena", "Jana",
    "Katarzyna", "Lena", "Mariam", "Nkechi", "Oksana", "Paula", "Rania", "Sinead", "Tamar",
    "Ulla", "Valentina", "Wanjiru", "Ximena", "Yasmin", "Zofia", "Aiko", "Bronwen", "Carmen",
    "Dilnoza", "Eva", "Farida", "Gulnara", "Helga", "Isabel", "Joanna", "Kirsten", "Linnea",
    "Magdalena", "Noor", "Ottilie", "Pilar", "Renata", "Sabine", "Teresa", "Aurelie", "Selin",
    "Thandiwe", "Ifeoma", "Mireille", "Solveig", "Anneke",
)
MALE_FIRST = (
    "Tomasz", "Jorge", "Kwame", "Lars", "Hamid", "Kenji", "Rahul", "Mateo", "Henrik", "Omar",
    "Dmitri", "Luca", "Emeka", "Stefan", "Arjun", "Bogdan", "Chen", "Diego", "Erik", "Farid",
    "Goran", "Hugo", "Ibrahim", "Jakub", "Karim", "Lorenzo", "Miguel", "Nikos", "Olav",
    "Pedro", "Rafael", "Sven", "Tariq", "Ugo", "Vikram", "Wojciech", "Xavier", "Yusuf", "Zoltan",
    "Anders", "Bruno", "Cyril", "Dario", "Emil", "Florian", "Gustavo", "Haruto", "Istvan",
    "Joao", "Kofi", "Leandro", "Marek", "Nils", "Oskar", "Piotr", "Rolf", "Samir", "Thabo",
    "Umar", "Vasco", "Willem", "Yannick", "Anselm", "Baptiste", "Ciaran", "Dawit", "Eamon",
    "Faisal", "Gunnar", "Hakan",
)
SURNAMES = (
    "Okonkwo", "Reyes", "Lindqvist", "Wierzbicki", "Haddad", "Tanaka", "Moreau", "Novak",
    "Castillo", "Mensah", "Kowalczyk", "Fernandes", "Nakamura", "Osei", "Petrescu", "Halvorsen",
    "Banerjee", "Costa", "Dimitrov", "Eriksen", "Farouk", "Gallagher", "Horvath", "Iyer",
    "Jansen", "Kaya", "Laine", "Mbeki", "Nieminen", "Oliveira", "Pereira", "Quintero", "Rossi",
    "Santos", "Toivonen", "Urbanek", "Varga", "Wozniak", "Yilmaz", "Zeller", "Abara", "Brandt",
    "Cardoso", "Dlamini", "Esposito", "Fischer", "Gunawardena", "Hoffmann", "Ibekwe", "Jovanovic",
    "Sokolov", "Lombardi", "Marchetti", "Nyambura", "Ortega", "Pantelic", "Quaresma",
    "Rasmussen", "Szabo", "Takahashi", "Udeh", "Vasquez", "Wagner", "Xu", "Yamamoto", "Zielinski",
    "Achterberg", "Bakshi", "Cimpoeru", "Duarte", "Ekwueme", "Fonseca", "Grigoryan", "Hakimi",
    "Ilunga", "Jaramillo", "Kiplagat", "Lundgren", "Mahlaba", "Nordin", "Oyelaran", "Papadakis",
    "Qureshi", "Rautio", "Sandoval", "Tshabalala", "Ulloa", "Vukovic", "Westerberg", "Yoshida",
    "Zapata", "Adeyemi", "Bergstrom", "Chaudhry", "Delacroix", "Estrada", "Forsberg", "Galvez",
    "Hashemi", "Ionescu", "Jokinen", "Kamau", "Lehtonen", "Mwangi", "Nakashima", "Obi",
    "Pellegrini", "Quispe", "Rahimi", "Sorensen", "Tiwari", "Ueda", "Villanueva", "Wekesa",
    "Yusupov", "Zaharia", "Antonelli", "Bjornsson", "Chikwanha", "Dossou", "Engstrom", "Fabbri",
    "Gashi", "Haugland", "Ibarra", "Jelinek", "Kovacs", "Lacroix", "Murtagh", "Nwosu",
    "Ostrowski", "Pinheiro", "Rinaldi", "Sato", "Trinh", "Uddin", "Valdivia", "Whelan",
    "Yeboah", "Zamora", "Arslan", "Baptista", "Cisse", "Dragomir", "Ekstrand", "Figueroa",
    "Gutierrez", "Holm", "Iwu", "Juarez", "Kirchner", "Lemaire", "Mokoena", "Nowicki", "Otieno",
    "Pavlidis", "Ruiz", "Schubert", "Tembo", "Umeh", "Vidal", "Wolanski", "Yadav", "Zuniga",
    "Amadi", "Borges", "Czerny", "Demir", "Eze", "Falk", "Gomes", "Hirvonen", "Idowu", "Jung",
    "Keller", "Lopes", "Mikkelsen", "Nascimento", "Okafor", "Popescu", "Rocha", "Soto", "Tavares",
    "Varela", "Wikstrom", "Youssef", "Zubiri", "Aalto", "Bosch", "Chinwe", "Dahl", "Elias",
    "Ferrante", "Ghosh", "Hyvonen", "Isaksen", "Kariuki", "Lindahl", "Moyo", "Nkosi", "Oduya",
    "Pihlaja", "Romero", "Salo", "Tomic", "Uzoma", "Vogel", "Winther", "Ybarra", "Zanetti",
)
PLACE_HEADS = (
    "Val", "Bren", "Nor", "Kar", "Ost", "Mar", "Tor", "Lin", "Sel", "Dor", "Ard", "Bel", "Cor",
    "Fal", "Gal", "Hal", "Kel", "Lor", "Mel", "Pen", "Ros", "San", "Tal", "Ver", "Wen", "Zar",
    "Alt", "Ber", "Cas", "Dun", "Elm", "Fen", "Gor", "Hol", "Isk", "Jar", "Kos", "Lam", "Mor",
    "Nav",
)
PLACE_TAILS = (
    "derra", "hill", "vik", "mouth", "stad", "bury", "ford", "ona", "ena", "ova", "ville",
    "grad", "haven", "mere", "wick", "dal", "berg", "port", "ton", "sund", "ia", "ano", "ella",
    "ach", "ley", "ica", "ora", "ais", "ingen", "orra",
)
REGIONS = (
    "North Varesse", "the Lower Ardent valley", "East Kalmora", "the Tessaly coast",
    "West Orlund", "the Brenna highlands", "South Marrow", "the Corvin delta", "Upper Selka",
    "the Dalvik islands", "Central Ostria", "the Fennmark plain", "the Ilvar basin",
    "North Tavros", "the Kestrel peninsula", "Lake Morvan", "the Sarn lowlands",
    "the Vell region", "Greater Harlow", "the Amber coast",
)
DATELINE_CITIES = (
    "Lisbon", "Oslo", "Nairobi", "Madrid", "Warsaw", "Athens", "Dublin", "Vienna", "Brussels",
    "Ottawa", "Canberra", "Manila", "Jakarta", "Hanoi", "Bogota", "Santiago", "Lima", "Accra",
    "Lagos", "Cairo", "Ankara", "Helsinki", "Stockholm", "Copenhagen", "Prague", "Budapest",
    "Bucharest", "Sofia", "Zagreb", "Tallinn", "Riga", "Vilnius", "Montevideo", "Quito",
    "Dakar", "Kampala", "Tunis", "Rabat", "Amman", "Seoul", "Taipei", "Bangkok", "Wellington",
    "Reykjavik", "Porto", "Gdansk", "Rotterdam", "Marseille", "Durban", "Mombasa",
)
COUNTRIES = (
    "Portugal", "Norway", "Kenya", "Spain", "Poland", "Greece", "Ireland", "Austria", "Belgium",
    "Canada", "Australia", "Indonesia", "Vietnam", "Colombia", "Chile", "Nigeria", "Egypt",
    "Turkey", "Finland", "Sweden", "Denmark", "Hungary", "Brazil", "Argentina", "Mexico",
    "Japan", "India", "South Africa", "Thailand", "Switzerland",
    "Ethiopia", "Jordan", "Qatar", "New Zealand", "Italy", "Germany", "France", "South Korea",
)
OUTLET_PREFIXES = (
    "Northern", "Atlantic", "Continental", "Harbour", "Capital", "Meridian", "Riverside",
    "Pacific",
)
OUTLET_SUFFIXES = ("Wire", "Courier", "Gazette", "Herald", "Times")
COMPANY_STEMS = (
    "Brightwater", "Northgate", "Silverline", "Keystone", "Redfern", "Bluepeak", "Ironbridge",
    "Goldcrest", "Westmark", "Eastwind", "Clearview", "Stonefield", "Greenhill", "Oakridge",
    "Highmoor", "Seaborne", "Sunvale", "Crossway", "Lakeshore", "Harbourside", "Pinecrest",
    "Ridgeway", "Falconer", "Marlow", "Ashford", "Brookline", "Copperleaf", "Deltaway",
    "Evergreen", "Foxley",
)
COMPANY_SUFFIXES = (
    "Energy", "Holdings", "Logistics", "Airlines", "Telecom", "Steel", "Foods", "Motors",
    "Shipping", "Pharma", "Mining", "Group", "Construction", "Rail", "Power", "Textiles",
    "Chemicals", "Insurance",
)
PROJECT_KINDS = (
    "rail link", "port expansion", "bridge", "bypass", "pipeline", "wind farm", "tram line",
    "dam", "airport terminal", "metro extension", "ring road", "harbour tunnel",
    "desalination plant", "hospital wing", "solar park", "ferry terminal", "motorway",
    "housing scheme",
)
# Every party name ends in a word that marks an organisation ("Party", "Union", "Alliance").
PROJECT_DESCRIPTORS = (
    "long-delayed", "planned", "controversial", "state-funded", "privately financed",
    "much-criticised", "flagship", "proposed", "over-budget", "new",
)
QUESTIONS = (
    "Who is going to pay for all this?", "Why should {town} wait another ten years?",
    "What happens to the workers?", "Where is the money coming from?",
    "How can anyone trust these figures?", "Does the government have a plan at all?",
)
PARTIES = (
    "Social Democratic Party", "Liberal Party", "Green Party", "Conservative Party",
    "Farmers' Party", "People's Alliance", "Labour Party", "Centre Party", "Progress Party",
    "Civic Union", "Christian Democratic Union", "Pirate Party",
)
UNIONS = (
    "Dockworkers' Union", "Teachers' Union", "Nurses' Union", "Rail Workers' Union",
    "Miners' Union", "Metalworkers' Union", "Bus Drivers' Union", "Farmers' Union",
    "Civil Servants' Union", "Pilots' Union",
)
AGENCIES = (
    ("National Statistics Office", "the office"), ("Competition Authority", "the authority"),
    ("Federal Rail Agency", "the agency"), ("Water Authority", "the authority"),
    ("Energy Regulator", "the regulator"), ("Public Health Institute", "the institute"),
    ("Audit Office", "the office"), ("Electoral Commission", "the commission"),
)
# Topic: (ministry, sector, policies). Ministry words follow the "Ministry of X" naming.
TOPICS = (
    ("transport", "Transport", "transport", (
        "fuel tax on diesel and petrol", "congestion charge for city centres",
        "rail reform bill", "plan to privatise regional bus services")),
    ("economy", "Finance", "finance", (
        "budget plan for next year", "pension reform bill", "tax package for small firms",
        "plan to sell state shares in the national airline")),
    ("labour", "Labour", "labour", (
        "minimum wage increase", "new labour code", "plan to raise the retirement age",
        "law on weekend working hours")),
    ("politics", "Interior", "interior", (
        "electoral reform bill", "coalition agreement", "anti-corruption bill",
        "plan to cut the number of regional councils")),
    ("police", "Justice", "justice", (
        "policing bill", "new law on public protests", "sentencing reform",
        "plan to give police wider surveillance powers")),
    ("energy", "Energy", "energy", (
        "carbon levy on heavy industry", "cap on household gas prices", "coal phase-out plan",
        "subsidy scheme for rooftop solar panels")),
    ("health", "Health", "health", (
        "health insurance bill", "hospital funding plan", "new rules on drug pricing",
        "plan to merge regional health authorities")),
    ("housing", "Housing", "housing", (
        "rent cap for large cities", "housing bill", "mortgage relief scheme",
        "plan to build social housing on former military land")),
    ("trade", "Trade", "trade", (
        "trade deal with its neighbours", "tariff plan for imported steel", "export quota on grain",
        "customs agreement on agricultural goods")),
)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
CURRENCIES = ("euros", "dollars", "pounds", "kroner")
GROUPS = (
    "{town} residents", "opposition lawmakers", "union leaders", "local farmers",
    "environmental activists", "industry analysts", "economists", "hospital doctors",
    "business leaders", "diplomats", "parents in {town}", "shop owners in {town}",
)
# Role: (role, long title before a full name, short title before a surname, article).
# Ministers come twice: they are the people most quoted.
ROLES = (
    ("{sector} minister", "{Sector} Minister", "Minister", "the"),
    ("{sector} minister", "{Sector} Minister", "Minister", "the"),
    ("deputy {sector} minister", "Deputy {Sector} Minister", "", "the"),
    ("mayor of {town}", "{Town} Mayor", "Mayor", "the"),
    ("governor of {region}", "", "Governor", "the"),
    ("leader of the {party}", "", "", "the"),
    ("chief executive of {company}", "", "", "the"),
    ("{spokes} for the {sector} ministry", "", "", "a"),
    ("senior economist at {company}", "", "", "a"),
    ("analyst at the {stem} Institute", "", "", "an"),
    ("professor of economics at the University of {town}", "", "Professor", "a"),
    ("police chief of {town}", "", "", "the"),
    ("senator for {region}", "Senator", "Senator", "a"),
    ("member of parliament for the {party}", "", "", "a"),
    ("president of the {union}", "", "", "the"),
)
# Clause endings. Actions take a reason and then, now and then, a condition; figures take a
# comparison. Background facts take none, so that they stay the same wherever they appear.
REASONS = (
    " despite objections from residents of {town}",
    " as part of a wider plan for {region}",
    " after months of talks with the {union}",
    " because of rising costs for materials and labour",
    " under pressure from the {party} and its allies in parliament",
    " in a bid to cut the budget deficit before the next election",
    " to meet growing demand in {region}", " in response to weeks of protests in {town}",
    " despite warnings from the central bank about rising debt",
    " after an audit found serious delays at the {project}",
    " as the government tries to win back voters ahead of the election",
    " in line with a deal agreed with {company}",
)
CONDITIONS = (
    " once parliament has approved next year's budget",
    " unless the talks with the {union} break down", " if the coalition partners agree",
    " as soon as the funding is in place", " before the summer recess",
)
# What else an authority's planned decision comes with: no numbers, so that no contradiction
# hides here.
ADDITIONS = (
    " and publish the details next month", " and ask parliament for a vote within weeks",
    " and review the decision in two years", " and consult local councils before it goes ahead",
    " and set up a commission to oversee the work", " and keep the unions informed",
)
COMPARISONS = (
    " compared with the same period a year earlier", " after two years of stagnation",
    " driven by higher energy and food costs", " for the first time since {ypast}",
    " as demand slowed across {region}", " in a sign of the pressure on household budgets",
    " for the second time in three years",
)
# Near-paraphrases: a word or two swapped for others of the same sense (whole words only).
PARAPHRASES = (
    ("percent", "per cent"), ("the government", "the cabinet"), ("finished", "completed"),
    ("rose", "climbed"), ("fell", "dropped"), ("talks", "negotiations"), ("a deal", "an agreement"),
    ("workers", "employees"), ("protests", "demonstrations"), ("homes", "houses"),
    ("next year", "in the coming year"), ("last year", "over the past year"),
    ("people", "demonstrators"), ("approve", "back"), ("approved", "backed"),
    ("plant", "factory"), ("the city council", "the council"), ("prices", "costs"),
    ("before the end of", "by the end of"),
    ("because of", "owing to"), ("despite", "in spite of"), ("rising", "higher"),
)

# --- Proposition templates ------------------------------------------------------------------
# A verb pair names two opposite senses, each as (base, past).
APPROVE = (("approve", "approved"), ("reject", "rejected"))
OPEN = (("open", "opened"), ("close", "closed"))
SUPPORT = (("support", "supported"), ("oppose", "opposed"))
RAISE = (("raise", "raised"), ("cut", "cut"))
INCREASE = (("increase", "increased"), ("reduce", "reduced"))
EXPAND = (("expand", "expanded"), ("curtail", "curtailed"))
ALLOW = (("allow", "allowed"), ("ban", "banned"))
WIN = (("win", "won"), ("lose", "lost"))
ACCEPT = (("accept", "accepted"), ("reject", "rejected"))
HIRE = (("hire", "hired"), ("lay off", "laid off"))
RESUME = (("resume", "resumed"), ("end", "ended"))
BUY = (("buy", "bought"), ("sell", "sold"))
RISE = (("rise", "rose"), ("fall", "fell"))
IMPROVE = (("improve", "improved"), ("worsen", "worsened"))
HOLD = (("hold", "held"), ("postpone", "postponed"))
PRAISE = (("praise", "praised"), ("criticise", "criticised"))
CONVICT = (("convict", "convicted"), ("acquit", "acquitted"))

# (topic or "" for all, subject, verb pair or fixed (verb group, negated, opposite),
#  tenses w=will p=past c=would, rest of the clause, number kind, ending: d=decision of an
#  authority, a=other action, o=event, f=figure).
TEMPLATES = (
    ("", "the government", APPROVE, "wpc", " the {project} before the end of {num}", "yfut", "d"),
    ("", "the government", INCREASE, "wpc", " the {sector} budget by {num}", "pct", "d"),
    ("", "the government", SUPPORT, "wpc", " the {policy}", "", "d"),
    ("", "the {sector} minister", PRAISE, "p", " the {policy}", "", "a"),
    ("", "prices", RISE, "wp", " by {num} in {month}", "pct", "f"),
    ("", "", ("a deal was reached", "no deal was reached", None), "", " on the {policy}", "",
     "o"),
    ("", "the talks on the {policy}", RESUME, "wp", " on {weekday}", "", "o"),
    ("", "police", ("arrested", "did not arrest", "released"), "",
     " {num} people after the protests in {town}", "people", ""),
    ("", "the budget deficit", RISE, "wp", " to {num} of economic output this year", "pct", "f"),
    ("transport", "the {project}", ("will be finished", "will not be finished", None), "",
     " by {num}", "yfut", "o"),
    ("transport", "the {project}", ("will cost", None, None), "", " {num}", "money", "o"),
    ("transport", "rail fares in {region}", RISE, "wc", " by {num} next year", "pct", "f"),
    ("transport", "the city council of {town}", OPEN, "wpc",
     " the {project} in {month}", "", "d"),
    ("transport", "the {sector} ministry", RAISE, "wpc", " fuel taxes by {num}", "pct", "d"),
    ("transport", "{company}", WIN, "wp", " the contract to build the {project}", "", "a"),
    ("economy", "inflation", RISE, "wp", " to {num} in {month}", "pct", "f"),
    ("economy", "the central bank", RAISE, "wpc", " interest rates to {num}", "pct", "d"),
    ("economy", "unemployment in {region}", RISE, "p", " by {num} last year", "pct", "f"),
    ("economy", "{company}", ("reported a profit of", None, "reported a loss of"), "",
     " {num} for the year", "money", "f"),
    ("economy", "the government", BUY, "wpc", " a stake in {company}", "", "d"),
    ("labour", "{company}", HIRE, "wpc", " {num} workers at its {town} plant", "jobs", "a"),
    ("labour", "the {union}", HOLD, "wpc", " a strike at {company} on {weekday}", "", "a"),
    ("labour", "the {union}", ACCEPT, "wpc", " the pay offer from {company}", "", "a"),
    ("labour", "talks between {company} and the {union}", RESUME, "wp", " on {weekday}", "",
     "o"),
    ("labour", "the minimum wage", RISE, "wc", " by {num} in {month}", "pct", "f"),
    ("politics", "the {party}", WIN, "wpc", " the mayoral election in {town}", "", "a"),
    ("politics", "the election", ("will be held", "will not be held", None), "",
     " in {month} {num}", "yfut", ""),
    ("politics", "the {party}", SUPPORT, "wpc", " the {policy}", "", "a"),
    ("politics", "parliament", APPROVE, "wpc", " the {policy} by {num} votes", "votes", "d"),
    ("politics", "turnout in the last election", ("was", "was not", None), "", " {num}", "pct",
     ""),
    ("police", "the court in {town}", CONVICT, "wp", " the former head of {company}", "", ""),
    ("police", "the city council of {town}", ALLOW, "wpc", " protests in the city centre", "",
     "d"),
    ("police", "crime in {town}", RISE, "p", " by {num} last year", "pct", "f"),
    ("police", "police in {town}", ("opened an investigation into", None,
                                    "closed the investigation into"), "",
     " the {project} contracts", "", "a"),
    ("energy", "the government", OPEN, "wc", " the coal plant in {town} by {num}", "yfut", "d"),
    ("energy", "electricity prices", RISE, "wp", " by {num} this winter", "pct", "f"),
    ("energy", "the {project}", ("will supply", "will not supply", None), "",
     " power to {num} homes", "homes", "o"),
    ("energy", "{company}", EXPAND, "wpc", " gas production in {region}", "", "a"),
    ("health", "the {sector} ministry", EXPAND, "wpc", " services at the hospital in {town}", "",
     "d"),
    ("health", "waiting times at hospitals in {region}", IMPROVE, "p", " last year", "", "f"),
    ("health", "the government", ("will build", "will not build", None), "",
     " {num} new hospitals by {yfut}", "count", "d"),
    ("housing", "the city council of {town}", ("will build", "will not build", None), "",
     " {num} new homes by {yfut}", "homes", "d"),
    ("housing", "rents in {town}", RISE, "wp", " by {num} in {month}", "pct", "f"),
    ("housing", "house prices in {region}", RISE, "p", " by {num} last year", "pct", "f"),
    ("trade", "{country}", SUPPORT, "wpc", " the trade deal with {country2}", "", "a"),
    ("trade", "exports to {country}", RISE, "p", " by {num} last year", "pct", "f"),
    ("trade", "{country}", ("will sign", "will not sign", None), "",
     " the trade agreement with {country2} in {month}", "", "a"),
    ("trade", "{country}", RAISE, "wpc", " tariffs on steel from {country2} to {num}", "pct",
     "a"),
)
# Background the outlet writes in its own voice: facts that hold for the whole corpus.
BACKGROUND = (
    ("", "the {project}", ("was first proposed", None, None), "", " in {num}", "ypast", ""),
    ("", "{company}", ("employs about", None, None), "", " {num} people in {town}", "jobs", ""),
    ("", "{town}", ("has a population of about", None, None), "", " {num}", "pop", ""),
    ("", "the {party}", ("has governed", "has not governed", None), "",
     " {town} since {num}", "ypast", ""),
    ("", "the {union}", ("represents about", None, None), "", " {num} workers", "jobs", ""),
    ("", "the {sector} ministry", ("has faced", "has not faced", None), "",
     " criticism over the {policy} since {num}", "ypast", ""),
    ("", "{company}", ("won", "did not win", "lost"), "",
     " the contract for the {project} in {num} after a tender that drew complaints from rival"
     " bidders", "ypast", ""),
    ("", "the {union}", ("last went on strike", None, None), "",
     " in {num} in a dispute over pay and working hours", "ypast", ""),
    ("", "the {party}", ("won", "did not win", "lost"), "",
     " {num} seats in the regional assembly of {region} at the last election", "count", ""),
    ("", "the {project}", ("has been delayed", "has not been delayed", None), "",
     " several times by legal challenges from residents and environmental groups", "", ""),
)
ENDINGS = {"d": (REASONS, CONDITIONS, ADDITIONS), "a": (REASONS, CONDITIONS, ()),
           "o": (REASONS, CONDITIONS, ()), "f": (COMPARISONS, (), ()), "": ((), (), ())}

FIRST_DAY = datetime.date(2000, 1, 1)
LAST_DAY = datetime.date(2026, 11, 30)
SPAN_DAYS = (LAST_DAY - FIRST_DAY).days
CLAIMS_PER_ARTICLE = (9, 12)
REPEAT_SHARE = 0.10
PARAPHRASE_SHARE = 0.05
CONTRADICT_SHARE = 0.02
LOWER_CASE_SHARE = 0.03
RESERVOIR_SIZE = 20_000  # earlier propositions a repeat or a paraphrase is drawn from
CONTRADICTION_DELAY = 120  # articles, at most, between a proposition and its contradiction
# Figures hold for this many articles, then move: the same inflation number for ever would
# be as unrealistic as a new one in every article.
ERA_ARTICLES = 500
FRESH_PREFIX_ARTICLES = 40  # every corpus of 500 claims or more holds these
SEEN_BITS = 1 << 26  # a fixed size, so that corpora of every size share their beginning
_YEAR_IN_TEXT = re.compile(r"\b(?:19|20)\d\d\b")
_SLUG_WORD = re.compile(r"[a-z0-9]+")
# Where a clause's reason, condition or comparison starts: a headline leaves them out.
_ENDING_START = re.compile("|".join(
    re.escape(" " + " ".join(ending.split()[:3]))
    for ending in REASONS + CONDITIONS + COMPARISONS + ADDITIONS
))
_PARAPHRASE_WORDS = tuple((re.compile(rf"\b{old}\b"), new) for old, new in PARAPHRASES)

# A proposition: subject, verb group, rest, negated verb group, opposite verb group, number.
Prop = tuple[str, str, str, str | None, str | None, str | None]


def _build_names() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Towns and companies, in an order fixed at import so that picks are reproducible."""
    shuffle = random.Random(20240601).shuffle
    towns = [head + tail for head in PLACE_HEADS for tail in PLACE_TAILS]
    shuffle(towns)
    companies = [f"{stem} {suffix}" for stem in COMPANY_STEMS for suffix in COMPANY_SUFFIXES]
    companies += [f"{town} {suffix}" for town in towns[:300] for suffix in COMPANY_SUFFIXES[:6]]
    shuffle(companies)
    return tuple(towns), tuple(companies)


TOWNS, COMPANIES = _build_names()
OUTLETS = tuple(f"{prefix} {suffix}" for suffix in OUTLET_SUFFIXES for prefix in OUTLET_PREFIXES)


def _verb_options(verb, tenses: str) -> tuple[tuple, tuple]:
    """The (verb group, negated, opposite) choices of each sense, one per tense."""
    if isinstance(verb[0], str):
        return (verb,), (verb,)
    sides = []
    for (base, past), (other_base, other_past) in (verb, verb[::-1]):
        options = []
        if "w" in tenses:
            options.append((f"will {base}", f"will not {base}", f"will {other_base}"))
        if "p" in tenses:
            options.append((past, f"did not {base}", other_past))
        if "c" in tenses:
            options.append((f"would {base}", f"would not {base}", f"would {other_base}"))
        sides.append(tuple(options))
    return sides[0], sides[1]


def _compile(templates, first_id: int = 0) -> dict[str, tuple]:
    """Templates by topic with their verb choices spelled out; "" holds the general ones."""
    by_topic: dict[str, list] = {"": []}
    for number, (topic, head, verb, tenses, rest, kind, ending) in enumerate(templates):
        by_topic.setdefault(topic, []).append(
            (first_id + number, head, _verb_options(verb, tenses), rest, kind, ENDINGS[ending])
        )
    return {topic: tuple(found) for topic, found in by_topic.items()}


PROPOSITIONS = _compile(TEMPLATES)
BACKGROUND_PROPOSITIONS = _compile(BACKGROUND, len(TEMPLATES))[""]


# --- Small helpers --------------------------------------------------------------------------


def _skewed(rng: random.Random, items: tuple, power: float = 3.0):
    """An item, the first ones far more often than the last: a Zipf-like pick."""
    return items[int(len(items) * rng.random() ** power)]


def _cap(clause: str) -> str:
    return clause[0].upper() + clause[1:]


def _clause(head: str, pivot: str, rest: str) -> str:
    return f"{head} {pivot}{rest}" if head else f"{pivot}{rest}"


def _number(kind: str, bits: int, year: int) -> str:
    """A number of the kind, fixed by the bits of the proposition's key."""
    low, high = bits & 0xFFFF, bits >> 16
    if kind == "pct":
        value = 1 + low % 40
        return f"{value}.{1 + high % 9} percent" if high % 10 < 3 else f"{value} percent"
    if kind == "money":
        currency = CURRENCIES[high % len(CURRENCIES)]
        if low % 4 == 0:
            return f"{1 + low % 90 / 10:.1f} billion {currency}"
        return f"{10 + low % 990} million {currency}"
    if kind == "yfut":
        return str(year + 1 + low % 8)
    if kind == "ypast":
        return str(year - 2 - low % 25)
    scale, top = {"jobs": (10, 500), "people": (1, 300), "homes": (100, 200),
                  "pop": (100, 9000), "count": (1, 40), "votes": (1, 300)}[kind]
    fraction = low / 0x10000
    return f"{(2 + int(fraction * fraction * top)) * scale:,}"


def _other_number(rng: random.Random, number: str) -> str:
    """A different value written the same way: the number of a numeric contradiction."""
    value, _, unit = number.partition(" ")
    digits = value.replace(",", "")
    if len(digits) == 4 and digits[:2] in ("19", "20") and not unit:
        return str(int(digits) + rng.choice((-4, -3, -2, 2, 3, 5)))
    factor = rng.choice((0.3, 0.5, 2.0, 2.5, 3.0))
    if unit == "percent" and float(digits) * factor >= 100:
        factor = 0.5
    if "." in digits:
        changed = f"{float(digits) * factor:.1f}".removesuffix(".0")
    else:
        changed = f"{max(2, round(int(digits) * factor)):,}"
    if changed == value:
        changed = f"{int(float(digits)) + 7:,}"
    return f"{changed} {unit}" if unit else changed


def _contradiction(rng: random.Random, prop: Prop) -> tuple[str, str] | None:
    """A clause contradicting the proposition, and its cue; None if it cannot be contradicted."""
    head, pivot, rest, negated, opposite, number = prop
    cues = [cue for cue, ok in (("negation", negated), ("antonym", opposite),
                                ("numeric", number)) if ok]
    if not cues:
        return None
    cue = cues[int(rng.random() * len(cues))]
    if cue == "negation":
        return _clause(head, negated, rest), cue
    if cue == "antonym":
        return _clause(head, opposite, rest), cue
    return _clause(head, pivot, rest.replace(number, _other_number(rng, number), 1)), cue


def _paraphrase(rng: random.Random, clause: str) -> str:
    """The clause with one or two words swapped for synonyms."""
    start = int(rng.random() * len(_PARAPHRASE_WORDS))
    changed = 0
    for i in range(len(_PARAPHRASE_WORDS)):
        pattern, new = _PARAPHRASE_WORDS[(start + i) % len(_PARAPHRASE_WORDS)]
        clause, found = pattern.subn(new, clause, count=1)
        changed += found
        if changed == 2:
            break
    return clause if changed else clause + " this year"


def _title(clause: str) -> str:
    """A headline from the lead claim: its core, without the reason or condition."""
    core = _ENDING_START.split(clause, maxsplit=1)[0]
    return " ".join(_cap(core).split()[:16]).rstrip(",;:")


def _slug(title: str) -> str:
    return "-".join(_SLUG_WORD.findall(title.lower())[:8])


class _Seen:
    """Which (speaker, words) pairs the stream has used: a Bloom filter, so memory stays flat.

    A false positive only makes the generator draw another proposition."""

    __slots__ = ("bits",)

    def __init__(self):
        self.bits = bytearray(SEEN_BITS >> 3)

    def add(self, key: str) -> bool:
        """Record the key; False if it (probably) was there already."""
        digest = int.from_bytes(blake2b(key.encode(), digest_size=12).digest(), "little")
        bits = self.bits
        new = False
        for _ in range(3):
            spot = digest & (SEEN_BITS - 1)
            digest >>= 32
            byte, mask = spot >> 3, 1 << (spot & 7)
            if not bits[byte] & mask:
                bits[byte] |= mask
                new = True
        return new


# --- Speakers -------------------------------------------------------------------------------


class _Voice:
    """A speaker and the ways an article names them: in full, titled, later, as a pronoun."""

    __slots__ = ("spec", "first", "titled", "later", "apposition", "pronoun", "plural")

    def __init__(self, spec: SpeakerSpec, first: str, titled: str = "", later: str = "",
                 apposition: str = "", pronoun: str = "", plural: bool = False):
        self.spec = spec
        self.first = first  # the full name, with no commas: it fits any frame
        self.titled = titled  # "Transport Minister Marta Reyes", or ""
        self.later = later or first  # "Reyes", "Minister Reyes", "the ministry"
        self.apposition = apposition  # ", the transport minister," or ""
        self.pronoun = pronoun
        self.plural = plural


def _new_person(rng: random.Random, scene: dict) -> _Voice:
    r = rng.random
    female = r() < 0.45
    first = _skewed(rng, FEMALE_FIRST if female else MALE_FIRST, 1.6)
    surname = _skewed(rng, SURNAMES, 1.5)
    if r() < 0.12:
        surname = f"{surname}-{_skewed(rng, SURNAMES, 1.5)}"
    name = f"{first} {surname}"
    role, long_title, short_title, article = ROLES[int(r() * len(ROLES))]
    fill = dict(scene, spokes="spokeswoman" if female else "spokesman")
    role = role.format_map(fill)
    long_title = long_title.format_map(fill)
    return _Voice(
        SpeakerSpec(name, "person", role),
        name,
        titled=f"{long_title} {name}" if long_title else "",
        later=f"{short_title} {surname}" if short_title and r() < 0.4 else surname,
        apposition=f", {article} {role},",
        pronoun="she" if female else "he",
    )


# --- The generator --------------------------------------------------------------------------


class _Page:
    """Article text written piece by piece, with the exact span of every claim."""

    __slots__ = ("parts", "pos", "claims")

    def __init__(self):
        self.parts: list[str] = []
        self.pos = 0
        self.claims: list[tuple] = []

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.pos += len(text)

    def claim(self, words: str, ref: int, text: str, voice: _Voice | None, mention: str | None,
              kind: str) -> None:
        start = self.pos
        self.add(words)
        self.claims.append((ref, text, voice.spec if voice else None, mention, start, self.pos,
                            kind))


class _Generator:
    """The state a stream carries: speakers, recent propositions, contradictions due."""

    def __init__(self, seed: int | str, n_claims: int):
        self.rng = random.Random(seed)
        self.expected_articles = max(1.0, n_claims / (sum(CLAIMS_PER_ARTICLE) / 2))
        self.people: list[_Voice] = []
        self.voices: dict[str, _Voice] = {}  # organisations, countries and groups by name
        self.reservoir: list[tuple[int, str, _Voice | None]] = []
        self.pending: list[tuple] = []  # heap of (due article, ref_a, clause, voice, cue)
        self.seen = _Seen()
        self.next_ref = 0
        self.index = 0
        self.endings = (1.0, 0.75)  # chances of a reason (or comparison), then a condition
        self.kept: list[tuple[int, Prop, _Voice | None]] | None = None

    # Entities ----------------------------------------------------------------------------

    def scene(self, year: int) -> dict:
        """The entities one article is about."""
        rng = self.rng
        r = rng.random
        topic, ministry, sector, policies = _skewed(rng, TOPICS, 1.7)
        town = _skewed(rng, TOWNS)
        country, partner = _skewed(rng, COUNTRIES, 2.0), _skewed(rng, COUNTRIES, 1.5)
        if partner == country:
            partner = COUNTRIES[COUNTRIES.index(country) - 1]
        return {
            "topic": topic, "ministry": ministry, "sector": sector,
            "Sector": sector.capitalize(), "policy": policies[int(r() * len(policies))],
            "town": town, "Town": town, "project": self.project(),
            "company": _skewed(rng, COMPANIES, 2.0), "stem": _skewed(rng, COMPANY_STEMS),
            "region": _skewed(rng, REGIONS, 2.0), "party": _skewed(rng, PARTIES, 1.5),
            "union": _skewed(rng, UNIONS, 1.5), "country": country, "country2": partner,
            "month": MONTHS[int(r() * 12)],
            "weekday": WEEKDAYS[int(r() * 5)], "year": year, "yfut": year + 1 + int(r() * 6),
            "ypast": year - 2 - int(r() * 20), "used": set(), "refs": set(),
        }

    def project(self) -> str:
        rng = self.rng
        name = f"{_skewed(rng, TOWNS)} {_skewed(rng, PROJECT_KINDS, 1.5)}"
        if rng.random() < 0.6:
            return f"{_skewed(rng, PROJECT_DESCRIPTORS, 1.5)} {name}"
        return name

    def person(self, scene: dict) -> _Voice:
        """A speaker seen before, recent ones most often, or now and then a new one."""
        people = self.people
        r = self.rng.random()
        if len(people) < 30 or r < 0.2:
            people.append(_new_person(self.rng, scene))
            return people[-1]
        if r < 0.3:
            return people[int(30 * self.rng.random())]  # the handful always in the news
        return people[-1 - int(min(len(people), 4000) * self.rng.random() ** 2)]

    def voice(self, name: str, kind: str, later: str = "", plural: bool = False) -> _Voice:
        found = self.voices.get(name)
        if found is None:
            found = self.voices[name] = _Voice(SpeakerSpec(name, kind, None), name, later=later,
                                               plural=plural)
        return found

    def organization(self, scene: dict) -> _Voice:
        r = self.rng.random()
        if r < 0.3:
            return self.voice(f"the Ministry of {scene['ministry']}", "organization",
                              "the ministry")
        if r < 0.5:
            return self.voice(scene["company"], "organization", "the company")
        if r < 0.65:
            return self.voice(f"the {scene['union']}", "organization", "the union")
        if r < 0.75:
            return self.voice(f"the {scene['party']}", "organization", "the party")
        if r < 0.85:
            name, short = AGENCIES[int(self.rng.random() * len(AGENCIES))]
            return self.voice(f"the {name}", "organization", short)
        if r < 0.93:
            return self.voice(f"the city council of {scene['town']}", "organization",
                              "the council")
        return self.voice("the central bank", "organization", "the bank")

    def other_voice(self, scene: dict) -> _Voice:
        r = self.rng.random()
        if r < 0.5:
            return self.person(scene)
        if r < 0.8:
            return self.organization(scene)
        if r < 0.9:
            return self.voice(_skewed(self.rng, COUNTRIES, 2.0), "country")
        group = GROUPS[int(self.rng.random() * len(GROUPS))].format_map(scene)
        return self.voice(group, "group", plural=True)

    def cast(self, scene: dict) -> list[_Voice]:
        cast = [self.person(scene) if self.rng.random() < 0.85 else self.other_voice(scene)]
        for _ in range(1 + int(self.rng.random() * 3)):
            cast.append(self.other_voice(scene))
        return cast

    # Propositions ------------------------------------------------------------------------

    def proposition(self, scene: dict, background: bool = False) -> Prop:
        """A new proposition on the article's topic, or a background fact."""
        r = self.rng.random
        if background:
            pool = BACKGROUND_PROPOSITIONS
        else:
            pool = PROPOSITIONS[scene["topic"]] if r() < 0.7 else PROPOSITIONS[""]
        template = pool[int(r() * len(pool))]
        for _ in range(3):  # an article states each kind of fact once, or nearly
            if template[0] not in scene["used"]:
                break
            template = pool[int(r() * len(pool))]
        scene["used"].add(template[0])
        number_id, head, sides, rest, kind, (reasons, conditions, additions) = template
        scene["num"] = "\0"
        head = head.format_map(scene)
        rest = rest.format_map(scene)
        # The key fixes the sense and the number: one subject and object, one claim, so that
        # only the planned contradictions contradict. Years follow the dates, which follow
        # the corpus size: the key leaves them out, so that every size draws the same.
        era = "" if background else self.index // ERA_ARTICLES
        key = zlib.crc32(f"{number_id}|{era}|{head}|{_YEAR_IN_TEXT.sub('#', rest)}".encode())
        options = sides[key & 1]
        pivot, negated, opposite = options[int(r() * len(options))]
        number = _number(kind, key >> 1, scene["year"]) if kind else None
        if number:
            rest = rest.replace("\0", number)
        rest += self.ending(scene, head, pivot, reasons, conditions, additions)
        return head, pivot, rest, negated, opposite, number

    def ending(self, scene: dict, head: str, pivot: str, reasons: tuple, conditions: tuple,
               additions: tuple) -> str:
        """What follows the clause's core: what else is done, why, and on what condition."""
        r = self.rng.random
        modal = pivot.startswith(("will ", "would "))  # a plan can come with more, or not
        words = ""
        if additions and modal and r() < 0.6:
            words += additions[int(r() * len(additions))]
        first, second = self.endings
        if reasons and r() < first:
            reason = reasons[int(r() * len(reasons))].format_map(scene)
            if head and head.removeprefix("the ") in reason:  # no "the union ... with the union"
                reason = reasons[0].format_map(scene)
            words += reason
            if conditions and modal and r() < second:
                words += conditions[int(r() * len(conditions))].format_map(scene)
        return words

    def items(self, k: int, scene: dict, cast: list[_Voice]
              ) -> tuple[list[tuple], list[ContradictionSpec]]:
        """The k claims of an article as (ref, clause, voice), contradictions due first."""
        r = self.rng.random
        found: list[tuple] = []
        completed: list[ContradictionSpec] = []
        pending = self.pending
        while pending and pending[0][0] <= self.index and len(completed) < 2 and len(found) < k:
            _, ref_a, clause, voice, cue = heapq.heappop(pending)
            voice = voice or cast[int(r() * len(cast))]
            if self.seen.add(_seen_key(clause, voice)):
                found.append((self.new_ref(clause, voice), clause, voice))
                completed.append(ContradictionSpec(ref_a, found[-1][0], cue))
        voice = cast[0]
        while len(found) < k:
            x = r()
            if voice is None or x > 0.4:  # else the same speaker goes on
                voice = cast[int(r() * len(cast))] if x < 0.85 else None
            found.append(self.item(scene, voice))
        return found, completed

    def item(self, scene: dict, voice: _Voice | None) -> tuple:
        """One claim: a repeat, a paraphrase, or a new proposition (perhaps to be contradicted)."""
        rng = self.rng
        r = rng.random
        x = r()
        reservoir = self.reservoir
        if x < REPEAT_SHARE and reservoir:
            earlier = reservoir[int(r() * len(reservoir))]
            if earlier[0] not in scene["refs"]:  # an article says a thing once
                scene["refs"].add(earlier[0])
                return earlier
        if x < REPEAT_SHARE + PARAPHRASE_SHARE and reservoir:
            _, clause, earlier = reservoir[int(r() * len(reservoir))]
            speaker = earlier if r() < 0.5 else voice
            clause = _paraphrase(rng, clause)
            if self.seen.add(_seen_key(clause, speaker)):
                return self.new_ref(clause, speaker), clause, speaker
        for _ in range(4):
            prop = self.proposition(scene, background=voice is None and r() < 0.5)
            clause = _clause(prop[0], prop[1], prop[2])
            if self.seen.add(_seen_key(clause, voice)):
                break
        else:
            if reservoir:
                return reservoir[int(r() * len(reservoir))]
        ref = self.new_ref(clause, voice)
        scene["refs"].add(ref)
        if self.kept is not None and not _YEAR_IN_TEXT.search(clause):
            self.kept.append((ref, prop, voice))
        if r() < CONTRADICT_SHARE:
            self.schedule(ref, prop, voice)
        return ref, clause, voice

    def new_ref(self, clause: str, voice: _Voice | None) -> int:
        ref = self.next_ref
        self.next_ref += 1
        entry = (ref, clause, voice)
        if len(self.reservoir) < RESERVOIR_SIZE:
            self.reservoir.append(entry)
        else:
            self.reservoir[int(self.rng.random() * RESERVOIR_SIZE)] = entry
        return ref

    def schedule(self, ref: int, prop: Prop, voice: _Voice | None) -> None:
        found = _contradiction(self.rng, prop)
        if found is None:
            return
        clause, cue = found
        # Half the time the same speaker turns around; else whoever the later article quotes.
        later = voice if voice is not None and self.rng.random() < 0.5 else None
        due = self.index + 1 + int(self.rng.random() * CONTRADICTION_DELAY)
        heapq.heappush(self.pending, (due, ref, clause, later, cue))

    # Articles ----------------------------------------------------------------------------

    def published(self) -> datetime.date:
        jitter = (self.rng.random() - 0.5) * 30
        day = self.index * SPAN_DAYS / self.expected_articles + jitter
        return FIRST_DAY + datetime.timedelta(days=min(SPAN_DAYS, max(0, int(day))))

    def article(self, k: int) -> tuple[ArticleSpec, list[ContradictionSpec]]:
        rng = self.rng
        published = self.published()
        outlet = _skewed(rng, OUTLETS, 1.6)
        scene = self.scene(published.year)
        items, completed = self.items(k, scene, self.cast(scene))
        city = _skewed(rng, DATELINE_CITIES, 2.0)
        writer = _Writer(rng, WEEKDAYS[published.weekday()], scene["town"], city,
                         scene["policy"])
        writer.page.add(_dateline(city, published, outlet))
        writer.write(items)
        if rng.random() < 0.6:
            writer.credits()
        lower = rng.random() < LOWER_CASE_SHARE
        title = _title(items[0][1])
        url = (f"https://{_slug(outlet)}.example/{published.year}/{published.month:02d}/"
               f"{_slug(title)}-{self.index}")
        self.index += 1
        return _finish(writer.page, title, outlet, published, url, lower), completed

    def run(self, n_claims: int) -> Iterator[ArticleSpec | ContradictionSpec]:
        low, high = CLAIMS_PER_ARTICLE
        remaining = n_claims
        while remaining > 0:
            k = low + int(self.rng.random() * (high - low + 1))
            # The last two articles share what is left, so that the count comes out exact.
            if remaining <= high + 2:
                k = remaining
            elif remaining < k + low:
                k = remaining // 2
            remaining -= k
            article, completed = self.article(k)
            yield article
            yield from completed


def _seen_key(clause: str, voice: _Voice | None) -> str:
    """What makes a claim new, years aside (see `_Generator.proposition`)."""
    return f"{voice.spec.name if voice else ''}|{_YEAR_IN_TEXT.sub('#', clause)}"


def _dateline(city: str, published: datetime.date, outlet: str) -> str:
    return f"{city.upper()}, {MONTHS[published.month - 1]} {published.day} ({outlet}) - "


def _finish(page: _Page, title: str, outlet: str, published: datetime.date, url: str,
            lower: bool) -> ArticleSpec:
    text = "".join(page.parts)
    # Lower-casing keeps every offset only if no character changes length (all of ours keep).
    lower = lower and len(text.lower()) == len(text)
    if lower:
        text, title = text.lower(), title.lower()
    claims = [
        ClaimSpec(ref, words, speaker, mention.lower() if lower and mention else mention,
                  text[start:end], start, end, kind)
        for ref, words, speaker, mention, start, end, kind in page.claims
    ]
    return ArticleSpec(text, title, outlet, published, url, claims)


# --- Prose ----------------------------------------------------------------------------------

_THAT_VERBS = ("said", "said", "said", "told reporters", "warned", "insisted", "argued",
               "announced", "added", "confirmed")
# Where and when the words were said. A trailing frame ("..., X said in a statement.") only
# takes the short ones: news style puts longer settings before the reported clause.
_WHEN_SHORT = ("", " on {day}", " on {day}", " in a statement", " in an interview",
               " at a news conference", " in a statement on {day}")
_WHEN_LONG = _WHEN_SHORT + (" at a news conference in {city}", " in a radio interview",
                            " after a cabinet meeting", " during a visit to {town}")
_WHEN_BODY = ("", " on {day}", " in a statement", " in a statement on {day}")
_OPENERS = ("Speaking at a news conference in {city} on {day}, ", "In an interview on {day}, ",
            "Asked about the {policy}, ", "Speaking to reporters in {town}, ",
            "In a statement released on {day}, ", "Earlier this week, ")


class _Writer:
    """Lays out claims as wire-copy paragraphs: quotes, reported speech and narration."""

    def __init__(self, rng: random.Random, weekday: str, town: str, city: str, policy: str):
        self.rng = rng
        self.place = {"day": weekday, "town": town, "city": city, "policy": policy}
        self.page = _Page()
        self.known: set[int] = set()
        self.open, self.close = ("“", "”") if rng.random() < 0.35 else ('"', '"')
        self.previous: _Voice | None = None
        self.in_paragraph = 0
        self.openers = 0.35  # share of sentences that open on a setting before the speaker

    def write(self, items: list[tuple]) -> None:
        for item in items:
            self.paragraph_or_sentence(item)

    def paragraph_or_sentence(self, item: tuple) -> None:
        """Write the claim on in the same paragraph (same speaker, now and then) or a new one."""
        ref, clause, voice = item
        page = self.page
        r = self.rng.random
        if not page.claims:
            self.lead(ref, clause, voice)
            self.previous, self.in_paragraph = voice, 1
            return
        join = self.in_paragraph < 2 and voice is self.previous and r() < 0.45
        page.add(" " if join else "\n\n")
        self.in_paragraph = self.in_paragraph + 1 if join else 1
        if voice is None:
            self.narration(ref, clause)
        elif join and voice.pronoun:
            self.pronoun_sentence(ref, clause, voice)
        else:
            self.sentence(ref, clause, voice)
        if voice is not None and voice.pronoun and r() < 0.08:
            self.question(voice)
        self.previous = voice

    def mark(self) -> tuple:
        page = self.page
        return len(page.parts), page.pos, len(page.claims), set(self.known), self.previous, \
            self.in_paragraph

    def undo(self, mark: tuple) -> None:
        """Take back what was written since the mark."""
        parts, pos, claims, self.known, self.previous, self.in_paragraph = mark
        del self.page.parts[parts:]
        del self.page.claims[claims:]
        self.page.pos = pos

    def when(self, options: tuple[str, ...], voice: _Voice | None = None) -> str:
        """Where and when the words were said; institutions only issue statements."""
        if voice is not None and not voice.pronoun:
            options = _WHEN_BODY
        return options[int(self.rng.random() * len(options))].format_map(self.place)

    def narration(self, ref: int, clause: str) -> None:
        cap = _cap(clause)
        self.page.claim(cap + ".", ref, cap, None, None, NARRATION)

    def lead(self, ref: int, clause: str, voice: _Voice | None) -> None:
        """The first paragraph, after the dateline: the news, and who says it."""
        page = self.page
        cap = _cap(clause)
        if voice is None:
            self.narration(ref, clause)
            return
        self.known.add(id(voice))
        if voice.apposition and not voice.titled:
            page.add(f"{voice.first}{voice.apposition} said{self.when(_WHEN_LONG, voice)} that ")
            page.claim(clause, ref, cap, voice, voice.first, INDIRECT)
            page.add(".")
            return
        mention = voice.titled or voice.first
        page.claim(cap, ref, cap, voice, mention, INDIRECT)
        page.add(f", {mention} said{self.when(_WHEN_SHORT, voice)}.")

    def subject(self, voice: _Voice) -> tuple[str, str, str]:
        """How a sentence opens on its speaker, and says when: (words, mention, when)."""
        r = self.rng.random
        words, mention = self.named(voice)
        if voice.pronoun and r() < self.openers:
            opener = _OPENERS[int(r() * len(_OPENERS))].format_map(self.place)
            return opener + words, mention, ""
        return _cap(words), _cap(mention), self.when(_WHEN_LONG, voice)

    def named(self, voice: _Voice) -> tuple[str, str]:
        """The speaker as the subject of a verb: (the words, the mention)."""
        if id(voice) in self.known:
            return voice.later, voice.later
        self.known.add(id(voice))
        if voice.titled and self.rng.random() < 0.5:
            return voice.titled, voice.titled
        return voice.first + voice.apposition, voice.first

    def sentence(self, ref: int, clause: str, voice: _Voice) -> None:
        x = self.rng.random()
        if x < 0.35:
            self.quote_then_speaker(ref, clause, voice)
        elif x < 0.5:
            self.speaker_then_quote(ref, clause, voice)
        elif x < 0.8:
            self.reported(ref, clause, voice)
        else:
            self.attributed_after(ref, clause, voice, according=x < 0.9)

    def quote_then_speaker(self, ref: int, clause: str, voice: _Voice) -> None:
        """'"The port will open," Reyes said.', or on first mention 'said X, the minister.'"""
        page = self.page
        cap = _cap(clause)
        page.add(self.open)
        if id(voice) not in self.known and voice.apposition:
            self.known.add(id(voice))
            page.claim(cap, ref, cap, voice, voice.first, DIRECT)
            page.add(f",{self.close} said {voice.first}{voice.apposition[:-1]}.")
            return
        words, mention = self.named(voice)
        page.claim(cap, ref, cap, voice, mention, DIRECT)
        page.add(f",{self.close} {words} said{self.when(_WHEN_LONG, voice)}.")

    def speaker_then_quote(self, ref: int, clause: str, voice: _Voice) -> None:
        """'Reyes said: "The port will open."'"""
        words, mention, when = self.subject(voice)
        cap = _cap(clause)
        self.page.add(f"{words} said{when}: {self.open}")
        self.page.claim(cap, ref, cap, voice, mention, DIRECT)
        self.page.add(f".{self.close}")

    def reported(self, ref: int, clause: str, voice: _Voice) -> None:
        """'Reyes said that the port will open.', 'Reyes says the port will open.'"""
        words, mention, when = self.subject(voice)
        r = self.rng.random
        verb = _THAT_VERBS[int(r() * len(_THAT_VERBS))]
        if verb == "told reporters" and not voice.pronoun:
            verb = "said"
        if verb == "said" and r() < 0.3:
            self.page.add(f"{words} {'say' if voice.plural else 'says'} ")
        else:
            self.page.add(f"{words} {verb}{when} that ")
        self.page.claim(clause, ref, _cap(clause), voice, mention, INDIRECT)
        self.page.add(".")

    def attributed_after(self, ref: int, clause: str, voice: _Voice, according: bool) -> None:
        """'According to the ministry, ...', '..., according to the ministry.', '..., X said.'"""
        page = self.page
        cap = _cap(clause)
        mention = voice.later if id(voice) in self.known else (voice.titled or voice.first)
        self.known.add(id(voice))
        if according and self.rng.random() < 0.5:
            page.add(f"According to {mention}, ")
            page.claim(clause, ref, cap, voice, mention, INDIRECT)
            page.add(".")
            return
        page.claim(cap, ref, cap, voice, mention, INDIRECT)
        if according:
            page.add(f", according to {mention}.")
        else:
            page.add(f", {mention} said{self.when(_WHEN_SHORT, voice)}.")

    def pronoun_sentence(self, ref: int, clause: str, voice: _Voice) -> None:
        """A second sentence by the speaker of the first: 'She added that ...'."""
        page = self.page
        cap = _cap(clause)
        pronoun = voice.pronoun
        x = self.rng.random()
        if x < 0.4:
            page.add(self.open)
            page.claim(cap, ref, cap, voice, pronoun, DIRECT)
            page.add(f",{self.close} {pronoun} said.")
            return
        page.add(f"{_cap(pronoun)} {'added that' if x < 0.6 else 'said'} ")
        page.claim(clause, ref, cap, voice, _cap(pronoun), INDIRECT)
        page.add(".")

    def question(self, voice: _Voice) -> None:
        """A rhetorical question: quoted words, but no claim."""
        asked = QUESTIONS[int(self.rng.random() * len(QUESTIONS))].format_map(self.place)
        self.page.add(f" {self.open}{asked}{self.close} {voice.pronoun} asked.")

    def credits(self) -> None:
        """The wire's credit line: page furniture, no claim."""
        rng = self.rng
        reporter, editor = (f"{_skewed(rng, FEMALE_FIRST + MALE_FIRST, 1)} "
                            f"{_skewed(rng, SURNAMES, 1)}" for _ in range(2))
        self.page.add(f"\n\n(Reporting by {reporter}; editing by {editor})")


# --- Public interface -----------------------------------------------------------------------


def corpus(n_claims: int, seed: int = 0) -> Iterator[ArticleSpec | ContradictionSpec]:
    """Articles until the appearances reach n_claims, with ContradictionSpec items yielded
    after the article that completes each pair (both refs already yielded)."""
    return _Generator(seed, n_claims).run(n_claims)


def fresh_article(seed: int, length: int = 2000) -> str:
    """A new article of about `length` characters (+-15%), never in the corpus, written so a
    claim extractor finds 5-10 claims in it (at the default length). It quotes the speakers
    of the default corpus (seed 0) on its topics, and negates, reverses or changes the number
    of some of the propositions in that corpus' first articles."""
    targets, people, voices = _corpus_beginning()
    generator = _Generator(f"fresh-article:{seed}", 1)
    generator.people, generator.voices = list(people), dict(voices)
    generator.endings = (1.0, 0.7)  # fuller sentences: fewer claims for the length
    generator.index = 10**9  # an era of its own: today's figures, not the corpus' old ones
    rng = generator.rng
    published = LAST_DAY + datetime.timedelta(days=1 + int(rng.random() * 60))
    scene = generator.scene(published.year)
    cast = [voice for voice in generator.cast(scene) if voice.pronoun] or [generator.person(scene)]
    city = _skewed(rng, DATELINE_CITIES, 2.0)
    writer = _Writer(rng, WEEKDAYS[published.weekday()], scene["town"], city, scene["policy"])
    writer.page.add(_dateline(city, published, _skewed(rng, OUTLETS, 1.6)))
    writer.openers = 0.6
    furniture = 60  # room kept for the credit line
    for _ in range(200):
        if len(writer.page.claims) in (1, 3, 6):
            clause, voice = _contradicting(rng, targets, cast)
        else:
            voice = cast[int(rng.random() * len(cast))]
            clause = _long_clause(generator, scene)
        mark = writer.mark()
        writer.paragraph_or_sentence((0, clause, voice))
        if len(writer.page.claims) == 2 and voice.pronoun:
            writer.question(voice)
        if writer.page.pos + furniture > 1.1 * length and len(writer.page.claims) > 1:
            writer.undo(mark)  # too long: try something shorter
        if writer.page.pos + furniture >= 0.88 * length:
            break
    writer.credits()
    return "".join(writer.page.parts)


def _long_clause(generator: _Generator, scene: dict) -> str:
    """A proposition of some length: a fresh article says fewer, fuller things."""
    for _ in range(4):
        head, pivot, rest = generator.proposition(scene)[:3]
        if len(rest) > 80:
            break
    return _clause(head, pivot, rest)


def _contradicting(rng: random.Random, targets: tuple, cast: list[_Voice]
                   ) -> tuple[str, _Voice | None]:
    """A clause contradicting one of the corpus' propositions, by its speaker or another."""
    for _ in range(10):
        _, prop, voice = targets[int(rng.random() * len(targets))]
        found = _contradiction(rng, prop)
        if found:
            break
    clause = found[0] if found else _clause(prop[0], prop[1], prop[2])
    return clause, voice if voice is not None and rng.random() < 0.5 else cast[0]


@lru_cache(maxsize=1)
def _corpus_beginning() -> tuple[tuple, tuple[_Voice, ...], tuple]:
    """The propositions and speakers of the default corpus' first articles.

    Only propositions without a year qualify: years follow the publication dates, which
    depend on the size of the corpus; everything else is the same in corpora of every size."""
    generator = _Generator(0, FRESH_PREFIX_ARTICLES * 10)
    generator.kept = []
    stream = generator.run(FRESH_PREFIX_ARTICLES * CLAIMS_PER_ARTICLE[1] * 10)
    while generator.index < FRESH_PREFIX_ARTICLES:
        next(stream)
    return tuple(generator.kept), tuple(generator.people), tuple(generator.voices.items())
