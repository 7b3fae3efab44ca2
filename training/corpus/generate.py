"""Generates the project's synthetic training corpus for classes that public data does not cover.

Usage: /usr/bin/python3 training/corpus/generate.py OUT.jsonl [--payloads LLMROUTER_TRAIN.jsonl] [--per-class N] [--seed S]
Each line: {"text": ..., "label": ..., "source": "corpus"}. The output is never committed (training/.cache/).
"""
import argparse
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from wordlists import *  # noqa: E402,F403

OPENERS = ["", "", "", "Please ", "Can you ", "Could you ", "hey, ", "Hi! ", "I need you to ", "Quick one: ",
           "Help me ", "I'd like you to ", "Pls "]
CLOSERS = ["", "", "", " Thanks!", " Thanks in advance.", " Keep it short.", " Be concise.", " ASAP please.",
           " thx", " This is urgent."]


def fill(rng: random.Random, template: str) -> str:
    city, city2 = rng.sample(CITIES, 2)
    fw, fw2 = rng.sample(FRAMEWORKS, 2)
    lang, lang2 = rng.sample(PROG_LANGS, 2)
    nlang, nlang2 = rng.sample(NAT_LANGS, 2)
    slots = {
        "city": city, "city2": city2, "fw": fw, "fw2": fw2, "lang": lang, "lang2": lang2, "nlang": nlang,
        "nlang2": nlang2, "topic": rng.choice(TOPICS), "product": rng.choice(PRODUCTS), "name": rng.choice(NAMES),
        "company": rng.choice(COMPANIES), "tool": rng.choice(TOOLS), "text": rng.choice(SHORT_TEXTS),
        "tone": rng.choice(TONES), "audience": rng.choice(AUDIENCES), "n": str(rng.choice([2, 3, 4, 5, 7, 10])),
        "words": str(rng.choice([50, 100, 150, 200, 300, 500])), "schema": rng.choice(SCHEMAS),
        "goal": rng.choice(SQL_GOALS), "dialect": rng.choice(SQL_DIALECTS), "error": rng.choice(ERRORS),
        "story": rng.choice(STORY_SUBJECTS), "poem": rng.choice(POEM_FORMS), "task": rng.choice(CODEGEN_TASKS),
        "cats": ", ".join(rng.choice(CATEGORY_SETS)), "item": rng.choice(CLASSIFY_ITEMS),
    }
    out = template
    for _ in range(3):  # slots may introduce slots (e.g. {task} containing {fw})
        out = re.sub(r"\{(\w+)\}", lambda m: slots.get(m.group(1), m.group(0)), out)
    return out


QUESTION_START = re.compile(r"^(what|how|why|who|when|where|which|is|are|can|could|should|do|does|any|tell|thanks|hi|good|i'm|i )", re.I)
NEUTRAL_OPENERS = ["", "", "", "hey, ", "Hi! ", "Quick one: ", "Question: "]


PAYLOADS: list = []  # real prompt texts (LLMRouter train split only) used as material inside project prompts


def payload(rng: random.Random) -> str:
    """Text to operate on: mostly real benchmark prompts (so the ask, not the material, decides the class)."""
    if PAYLOADS and rng.random() < 0.6:
        t = rng.choice(PAYLOADS)
        return t if len(t) < 1500 else t[:1500]
    return rng.choice(SHORT_TEXTS)


def contextual(rng: random.Random, body: str) -> str:
    r = rng.random()
    if r < 0.3:
        body = rng.choice(CONTEXTS) + " " + body
    return body + rng.choice(FOLLOWUPS)


def decorate(rng: random.Random, body: str) -> str:
    opener = rng.choice(NEUTRAL_OPENERS if QUESTION_START.match(body) or body.startswith(("You ", "{", "\n", "```")) else OPENERS)
    if opener and body[:1].isupper() and not body.startswith(("I ", "I'", "SQL", "SELECT")):
        body = body[0].lower() + body[1:]
    text = opener + body + rng.choice(CLOSERS)
    r = rng.random()
    if r < 0.08:
        text = text.lower()
    elif r < 0.1:
        text = text.rstrip(".?!")
    return text


def snippet_block(rng, code, lang):
    return rng.choice([f"```{lang.lower()}\n{code}\n```", code, f"\n{code}\n"])


def gen_sql(rng):
    t = rng.choice([
        "Write a SQL query that returns {goal}. Tables: {schema}.",
        "Given the schema {schema}, write a {dialect} query for {goal}.",
        "I have these tables: {schema}. How do I get {goal}?",
        "SQL question ({dialect}): {goal}. Schema is {schema}",
        "Can you write the query to find {goal}? We're on {dialect}.",
        "Optimize this query, it's slow on 50M rows: SELECT * FROM orders o WHERE o.customer_id IN (SELECT id FROM customers WHERE country = 'DE') ORDER BY created_at DESC",
        "Convert this query from MySQL to {dialect}: SELECT DATE_FORMAT(created_at, '%Y-%m') AS m, SUM(total) FROM orders GROUP BY m",
        "Explain what this query does: SELECT d.dept_name, AVG(e.salary) FROM employees e JOIN departments d USING (dept_id) GROUP BY 1 HAVING AVG(e.salary) > 80000",
        "Write a CREATE TABLE statement for {goal_table} with proper indexes and foreign keys.",
        "How do I write a window function in {dialect} to get {goal}?",
        "Write a migration that adds a non-null column `status` to the orders table without locking it ({dialect}).",
        "Turn this into SQL: {goal}. The tables are {schema}.",
        "Need a query: {goal}. Use a CTE please. Tables {schema}",
        "What's the {dialect} equivalent of PIVOT to show {goal}?",
        "Write an upsert in {dialect} for the table {schema}.",
        "Should I use a LEFT JOIN or NOT EXISTS to get {goal}? Show both queries.",
        "Generate a stored procedure in {dialect} that archives rows older than a year from {schema}.",
        "select query for {goal} -- schema: {schema}",
        "Write SQL to deduplicate rows in the table {schema}, keeping the newest one.",
        "Text-to-SQL: \"{goal}\" over {schema}",
    ]).replace("{goal_table}", rng.choice(["a blog with posts, comments and tags", "an inventory system",
                                            "a multi-tenant SaaS billing model", "a library lending system"]))
    return decorate(rng, fill(rng, t))


def gen_debugging(rng):
    lang, code, err = rng.choice(BUGGY_SNIPPETS)
    t = rng.choice([
        "Why does this {L} code fail?\n{CODE}\nI get: {ERR}",
        "I'm getting `{ERR}` when running this:\n{CODE}\nWhat's wrong?",
        "Fix the bug in this {L} snippet:\n{CODE}",
        "{CODE}\n\nThis throws {ERR}. How do I fix it?",
        "My {L} code isn't working as expected, {ERR}. Here it is:\n{CODE}",
        "Debug this please:\n{CODE}",
        "Getting this error in production: {E2}. We're running {fw} on {tool}. What could cause it?",
        "{E2}\nany idea how to fix this? I'm using {tool}",
        "After upgrading {fw}, my app fails with \"{E2}\". How do I troubleshoot?",
        "Tests pass locally but fail in CI with {E2}. What should I check?",
        "Why is my {lang} program so slow? It takes 30 seconds to process a 10 MB file line by line.",
        "There's a memory leak in our {fw} service, memory grows 200 MB per hour. How can I find it?",
        "Stack trace:\n  File \"app.py\", line 42, in handler\n    result = compute(payload)\n{ERR}\nwhat went wrong?",
        "The following code should {WANT} but {ERR}:\n{CODE}",
        "Can you find the bug? {CODE}",
        "{L} question: why {ERR}?\n{CODE}",
        "Intermittent failure: about 1 in 20 requests returns {E2}. How would you debug this?",
        "my build broke with `{E2}` after I pulled main, help",
    ])
    body = (t.replace("{L}", lang).replace("{CODE}", snippet_block(rng, code, lang)).replace("{ERR}", err)
            .replace("{E2}", rng.choice(ERRORS)).replace("{WANT}", rng.choice(["work", "print the right result",
                                                                                 "return the sum", "not crash"])))
    return decorate(rng, fill(rng, body))


def gen_summarization(rng):
    t = rng.choice([
        "Summarize the following text in {n} bullet points:\n\n{text}",
        "TL;DR this: {text}",
        "Give me a one-sentence summary of this:\n{text}",
        "Can you condense this into a short paragraph for {audience}?\n\n{text}",
        "Summarize:\n\"\"\"\n{text}\n\"\"\"",
        "What are the key points of this article?\n{text}",
        "Write an executive summary (max {words} words) of the report below.\n\n{text}",
        "{text}\n\nSummarize the above.",
        "{text}\n\ntl;dr?",
        "Summarize this meeting transcript and list the action items:\n{text}",
        "Boil this down to the essentials: {text}",
        "Create a brief abstract for this paper section: {text}",
        "Recap this email thread for me in 3 lines: {text}",
        "Shorten this to under {words} words without losing the main message: {text}",
        "Summarize the main arguments of the attached document about {topic}.",
        "Give me the gist of this customer feedback: {text}",
        "Summarize this chapter in plain language:\n\n{text}",
    ])
    return decorate(rng, fill(rng, t))


def gen_translation(rng):
    phrases = ["Where is the nearest train station?", "The meeting has been moved to next Tuesday.",
               "Please find the invoice attached.", "I would like to book a table for two at 8pm.",
               "Our new product launches next month.", "Thank you for your patience.", "How much does this cost?",
               "Je voudrais réserver une chambre pour deux nuits.", "¿Dónde está el baño?",
               "Ich habe meinen Reisepass verloren.", "今日はとても暑いですね。", "Il prezzo include la colazione?",
               "Can you help me with my luggage?", "Your order has been shipped.", "We are sorry for the inconvenience."]
    t = rng.choice([
        "Translate to {nlang}: {P}",
        "Translate the following into {nlang}:\n\n{text}",
        "How do you say \"{P}\" in {nlang}?",
        "Translate this {nlang} sentence to English: {P}",
        "Please translate from {nlang} to {nlang2}: {P}",
        "What does \"{P}\" mean in English?",
        "Translate this email into formal {nlang}: {text}",
        "{P}\n\ntranslate to {nlang}",
        "Localize these UI strings to {nlang}: \"Save\", \"Cancel\", \"Are you sure you want to delete this file?\"",
        "Give me the {nlang} translation of: {P}",
        "Translate the product description below into {nlang}, keep the tone {tone}:\n{text}",
        "Can you render this paragraph in {nlang}? {text}",
        "English → {nlang}: {P}",
        "Translate this text and keep the formatting:\n{text}\nTarget language: {nlang}",
        "Translate this {lang} comment into English: // {P}",
        "Is this translation into {nlang} correct? Original: \"{P}\"",
    ]).replace("{P}", rng.choice(phrases))
    return decorate(rng, fill(rng, t))


def gen_extraction(rng):
    fields = rng.choice([["name", "date", "amount"], ["company", "contact person", "email", "phone"],
                         ["product", "quantity", "price"], ["diagnosis", "medication", "dosage"],
                         ["origin", "destination", "departure time", "seat"], ["sentiment", "topics", "complaints"],
                         ["order number", "items", "total", "tracking number"], ["people", "organizations", "locations"]])
    t = rng.choice([
        "Extract the {F} from the text below and return JSON.\n\n{text}",
        "Return a JSON object with keys {F} from this: {text}",
        "Pull out all dates and amounts mentioned here: {text}",
        "From the following text, extract every person, organization and location as a list:\n{text}",
        "Parse this into structured data (fields: {F}):\n{text}",
        "{text}\n\nExtract {F} as JSON.",
        "Fill this schema from the text: {{\"{F0}\": string, \"{F1}\": string}}\nText: {text}",
        "Convert this receipt into a CSV with columns {F}: {text}",
        "Give me a YAML with the {F} from this document: {text}",
        "Extract structured fields ({F}) from the invoice below. Output only valid JSON, no prose.\n{text}",
        "Find all email addresses and phone numbers in this text: Contact {name} at {E} or +1 415 555 0137, or {name} at {E}.",
        "Identify the named entities in: {text}",
        "Output the answer strictly matching this JSON schema {{\"type\":\"object\",\"properties\":{{\"title\":{{\"type\":\"string\"}},\"tags\":{{\"type\":\"array\"}}}}}} for the article: {text}",
        "Turn this free-text address into street, city, postal code, country: {name}, 12 Rue de la Paix, 75002 {city}, France",
        "Read this resume and extract skills, years of experience and last employer as JSON: {name}, 7 years at {company} as a {fw} developer, previously 2 years at Globex.",
        "List the action items with owner and due date from this text as a table: {text}",
    ]).replace("{F}", ", ".join(fields)).replace("{F0}", fields[0]).replace("{F1}", fields[1]).replace(
        "{E}", rng.choice(["maria@example.com", "j.smith@acme.io", "support@northwind.com", "aiko.t@contoso.jp"]))
    return decorate(rng, fill(rng, t))


def gen_classification(rng):
    t = rng.choice([
        "Classify the sentiment of this review as {cats}: \"{item}\"",
        "Which category does this support ticket belong to ({cats})? \"{item}\"",
        "Label each of these messages as {cats}:\n1. {item}\n2. {item2}\n3. {item3}",
        "Is this message spam or not spam? {item}",
        "Categorize: \"{item}\" Options: {cats}. Answer with the label only.",
        "Tag this text with one of [{cats}]: {item}",
        "Classify the following news headline into {cats}: {item}",
        "Detect the intent of this user message: \"{item}\"",
        "Rate the urgency of this ticket (urgent / normal / low priority): {item}",
        "What is the emotion expressed here ({cats})? {item}",
        "{item}\n\nClassify this as {cats}.",
        "Decide whether this transaction description looks like fraud or legitimate: 'Card used in {city} and {city2} within 10 minutes for $2,300 total'",
        "Sort these feedback comments into buckets ({cats}): \"{item}\", \"{item2}\"",
        "Is the following review positive or negative? {text}",
        "Assign a topic label to this paragraph: {text}",
        "Which language is this written in? \"{P}\"",
        "Does this comment violate our community guidelines (toxic / non-toxic)? \"{item}\"",
        "Binary classification: is this email a sales lead (yes/no)? {item}",
    ]).replace("{item2}", rng.choice(CLASSIFY_ITEMS)).replace("{item3}", rng.choice(CLASSIFY_ITEMS)).replace(
        "{P}", rng.choice(["Dziękuję bardzo za pomoc", "Obrigado pela ajuda", "Tack för hjälpen", "Teşekkürler"]))
    return decorate(rng, fill(rng, t))


def gen_creative(rng):
    t = rng.choice([
        "Write a {tone} short story about {story}.",
        "Write a {poem} about {topic}.",
        "Compose a {poem} about {story}.",
        "Write song lyrics about {story}, {tone} vibe.",
        "Give me a {words}-word flash fiction piece about {story}.",
        "Write a {tone} birthday message for {name}.",
        "Write the opening paragraph of a fantasy novel set in {city}.",
        "Come up with 10 creative names for {product}.",
        "Write a catchy slogan for {company}'s new {product}.",
        "Write a {tone} wedding toast for my best friend.",
        "Write a dialogue between a pirate and a software engineer.",
        "Create a bedtime story for {audience} about {story}.",
        "Write a {tone} product description for {product}.",
        "Write a screenplay scene where {story}.",
        "Brainstorm plot twists for a mystery novel about {story}.",
        "Write a limerick about {tool}.",
        "Write a blog post intro about {topic} in a {tone} voice.",
        "Rewrite this paragraph to be more vivid and poetic: {text}",
        "Write a letter from the perspective of {story}.",
        "Invent a fictional world and describe its culture, in {words} words.",
        "Write a joke about {topic}.",
        "Write a motivational speech for {audience}.",
        "Make up a riddle whose answer is 'time'.",
        "Write a rap verse about {topic}.",
    ])
    return decorate(rng, fill(rng, t))


def gen_chat(rng):
    return decorate(rng, fill(rng, rng.choice(CHAT_Q)))


def gen_tool_use(rng):
    sig, ask = rng.choice(TOOL_SETS)
    t = rng.choice([
        "You have access to the tool {SIG}. {ASK}",
        "{ASK}",
        "Tools available: {SIG}. User request: {ASK}",
        "{ASK} (call the {FN} function)",
        "Use {FN} to answer: {ASK}",
        "{AGENT}",
        "{AGENT}",
        "You are an agent. Available functions: {SIG}, finish(answer). Goal: {AGENT}",
        "Decide which tool to call and with what arguments. Tools: {SIG}. Request: {ASK}",
        "Respond with a function call. {ASK}",
        "{ASK} Then {AGENT2}",
    ]).replace("{SIG}", sig).replace("{ASK}", ask).replace("{FN}", sig.split("(")[0]).replace(
        "{AGENT}", rng.choice(AGENT_TASKS)).replace("{AGENT2}", rng.choice(AGENT_TASKS).lower())
    return decorate(rng, fill(rng, t))


def gen_code_generation(rng):
    t = rng.choice([
        "Write {task} in {lang}.",
        "Implement {task} using {fw}.",
        "Can you write me {task}? Use {lang}.",
        "{lang}: {task}, with tests.",
        "Generate {task}.",
        "Show me how to build {task} in {lang}, with comments.",
        "Convert this {lang} function to {lang2}: def add(a, b): return a + b",
        "Write a {lang} class that implements {task}.",
        "Create {task} — production quality, typed, in {lang}.",
        "Scaffold {task} with {fw} and {tool}.",
    ])
    return decorate(rng, fill(rng, t))


def gen_summarization_free(rng):
    v = rng.choice(VERB_SUMMARIZE)
    t = rng.choice([
        f"{v} this for me:\n\n{{P}}", f"{{P}}\n\nCan you {v} that?", f"Please {v} the text below.\n---\n{{P}}\n---",
        f"I don't have time to read all of this, {v} it: {{P}}", f"{v} the following in {{n}} sentences: {{P}}",
        f"Here's a passage. {v} it for {{audience}}.\n{{P}}", f"What is this text about, in short? {{P}}",
        f"{v} what this says without adding anything: {{P}}",
    ])
    return decorate(rng, contextual(rng, fill(rng, t.replace("{P}", payload(rng)))))


def gen_translation_free(rng):
    lang = rng.choice(NAT_LANGS + EXTRA_LANGS)
    t = rng.choice([
        f"Translate into {lang}:\n{{P}}", f"{{P}}\n\nPut this in {lang}.", f"How would this read in {lang}? {{P}}",
        f"Can you give me a {lang} version of this text? {{P}}", f"Render this in {lang}, word for word: {{P}}",
        f"My colleague only reads {lang}. Translate: {{P}}", f"{lang} translation needed for: {{P}}",
        f"Rewrite the following in {lang}, natural tone: {{P}}",
    ])
    return decorate(rng, contextual(rng, fill(rng, t.replace("{P}", payload(rng)))))


def gen_extraction_free(rng):
    v, what, fmt = rng.choice(VERB_EXTRACT), rng.choice(EXTRACT_TARGETS), rng.choice(EXTRACT_FORMATS)
    t = rng.choice([
        f"{v} {what} from this {fmt}: {{P}}", f"{{P}}\n\n{v} {what} {fmt}.",
        f"From the text below, {v} {what}. Return them {fmt}.\n{{P}}",
        f"I need {what} from this document {fmt}, nothing else: {{P}}",
        f"Go through this and {v} {what} ({fmt}): {{P}}",
    ])
    return decorate(rng, contextual(rng, fill(rng, t.replace("{P}", payload(rng)))))


def gen_classification_free(rng):
    v, cats = rng.choice(VERB_CLASSIFY), ", ".join(rng.choice(CATEGORY_SETS))
    t = rng.choice([
        f"{v} this text as one of: {cats}.\n{{P}}", f"{{P}}\n\n{v} the above ({cats}). Reply with the label only.",
        f"Which of these best describes the message below: {cats}? {{P}}", f"{v} each line into {cats}: {{I}}; {{J}}",
        f"Would you say this is {cats}? {{I}}", f"I need to {v} incoming messages into {cats}. This one: {{I}}",
        f"Topic of this question (science, history, math, language, other)? {{P}}",
    ])
    t = t.replace("{I}", rng.choice(CLASSIFY_ITEMS)).replace("{J}", rng.choice(CLASSIFY_ITEMS))
    return decorate(rng, contextual(rng, fill(rng, t.replace("{P}", payload(rng)))))


def gen_creative_free(rng):
    kind = rng.choice(CREATIVE_KINDS)
    t = rng.choice([
        f"Write a {{tone}} {kind} about {{story}}.", f"I'd love a {kind} for {{audience}} about {{topic}}.",
        f"Can you make up a {kind} where {{story}} meets {{name}}?", f"Write me a {kind}, {{tone}}, under {{words}} words, about {{topic}}.",
        f"Turn this into a {kind}: {{P}}", f"Create a {kind} inspired by {{city}} in the rain.",
        f"Help me write a {kind} for my friend {{name}}'s farewell.", f"Compose a {kind} from the point of view of {{story}}.",
    ])
    return decorate(rng, contextual(rng, fill(rng, t.replace("{P}", payload(rng)[:300]))))


def gen_sql_free(rng):
    ask, verb = rng.choice(SQL_ASKS), rng.choice(SQL_VERBS)
    t = rng.choice([
        f"{ask} {verb} rows in {{schema}} to get {{goal}}.", f"{ask} returns {{goal}}? I'm on {{dialect}}.",
        f"Our database has {{schema}}. {ask} gives {{goal}}.", f"{{dialect}} question: my query {verb} the wrong rows. Tables: {{schema}}. I want {{goal}}.",
        f"In {{dialect}}, {ask} {verb} by month?", f"Write the query. Goal: {{goal}}. Schema: {{schema}}.",
    ])
    return decorate(rng, contextual(rng, fill(rng, t)))


def gen_debugging_free(rng):
    symptom = rng.choice(DEBUG_SYMPTOMS)
    t = rng.choice([
        f"My {{lang}} service {symptom} since yesterday's deploy. What should I look at?",
        f"The {{fw}} app {symptom} when more than 100 users are online. Ideas?",
        f"This function {symptom}:\n{{P}}\nWhat's the bug?", f"Our {{tool}} setup {symptom}, logs say {{error}}.",
        f"Help, my script {symptom} and I can't figure out why. Error: {{error}}",
        f"Users report the checkout page {symptom}. Where would you start debugging?",
        f"Why would a {{lang}} program that {symptom} only on Mondays?",
    ])
    code = rng.choice(BUGGY_SNIPPETS)[1]
    return decorate(rng, contextual(rng, fill(rng, t.replace("{P}", code))))


def gen_tool_use_free(rng):
    verb, obj = rng.choice(TOOL_VERBS), rng.choice(TOOL_OBJECTS)
    t = rng.choice([
        f"{verb} {obj}.", f"Can you {verb} {obj} for me?", f"Please {verb} {obj} and let me know when it's done.",
        f"Go ahead and {verb} {obj}, then {{AGENT}}", f"Using my accounts, {verb} {obj}.",
        f"Act on my behalf: {verb} {obj}.", f"You have tools for email, calendar and files. {verb} {obj}.",
    ])
    t = t.replace("{AGENT}", rng.choice(AGENT_TASKS).lower())
    return decorate(rng, contextual(rng, fill(rng, t)))


def gen_chat_free(rng):
    q = fill(rng, rng.choice(CHAT_Q))
    t = rng.choice([f"{rng.choice(CHAT_OPENERS)}, {q}", q, f"{q} just curious", f"{rng.choice(CONTEXTS)} {q}"])
    return decorate(rng, t)


def mixed(a, b):
    return lambda rng: a(rng) if rng.random() < 0.5 else b(rng)


GENERATORS = {
    "sql": mixed(gen_sql, gen_sql_free), "debugging": mixed(gen_debugging, gen_debugging_free),
    "summarization": mixed(gen_summarization, gen_summarization_free),
    "translation": mixed(gen_translation, gen_translation_free),
    "extraction": mixed(gen_extraction, gen_extraction_free),
    "classification": mixed(gen_classification, gen_classification_free),
    "creative_writing": mixed(gen_creative, gen_creative_free), "chat": mixed(gen_chat, gen_chat_free),
    "tool_use": mixed(gen_tool_use, gen_tool_use_free), "code_generation": gen_code_generation,
}
# Classes with public data get fewer synthetic rows: they only need the product's phrasing, not volume.
SHARE = {"chat": 0.6, "creative_writing": 0.8, "code_generation": 0.4}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--per-class", type=int, default=900)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--payloads", help="LLMRouter TRAIN jsonl: real prompt texts used as material (never the test split)")
    a = ap.parse_args()
    if a.payloads:
        with open(a.payloads) as f:
            PAYLOADS.extend(json.loads(line)["query"] for line in f if line.strip())
    rng = random.Random(a.seed)
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    n_total = 0
    with open(a.out, "w") as f:
        for label, gen in GENERATORS.items():
            seen = set()
            target = int(a.per_class * SHARE.get(label, 1.0))
            tries = 0
            while len(seen) < target and tries < target * 20:
                tries += 1
                text = gen(rng)
                if text in seen:
                    continue
                seen.add(text)
                f.write(json.dumps({"text": text, "label": label, "source": "corpus"}, ensure_ascii=False) + "\n")
            n_total += len(seen)
            print(f"{label}: {len(seen)}", file=sys.stderr)
    print(f"wrote {n_total} rows to {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
