"""Loaders for every labelled source. Each yields rows {text, label, family, source, has_tools}.

`family` is the unit of the leave-one-source-out evaluation: a benchmark or dataset with one style of prompt.
Public repositories are read from their snapshot (a bare git directory) at the pinned commit below, so the data
never enters this repository. Licences and commits: training/DATA.md.
"""
import ast
import csv
import hashlib
import json
import os
import random
import subprocess

REPOS = {
    "clinc": ("clinc+oos-eval", "828f8093932c8fe6ca7936c3d2e52903b1c523de"),
    "snips": ("sonos+nlu-benchmark", "b86ac7f1577868c42158d0dec77db50956046696"),
    "staqc": ("LittleYUYU+StackOverflow-Question-Code-Dataset", "81b74afb40b2c57b34a92ad94a67ade0c305d101"),
    "xquad": ("deepmind+xquad", "60cac411649156efb6aab9dd4c9cde787a2c0345"),
    "xcopa": ("cambridgeltl+xcopa", "e2e9d7f105a758ee869cd13e0fe251ef93a29840"),
    "alpaca-seed": ("tatsu-lab+stanford_alpaca", "761dc5bfbdeeffa89b8bff5d038781a4055f796a"),
}

# LLMRouter task -> class (multiple-choice knowledge is reasoning, open factual questions are chat; agentverse-mgsm
# is multilingual grade-school math and agentverse-logicgrid logic puzzles, not agents).
LLMROUTER = {
    "gsm8k": "math", "math": "math", "agentverse-mgsm": "math", "mbpp": "code_generation",
    "human_eval": "code_generation", "mmlu": "reasoning", "gpqa": "reasoning", "commonsense_qa": "reasoning",
    "openbook_qa": "reasoning", "arc_challenge": "reasoning", "agentverse-logicgrid": "reasoning",
    "natural_qa": "chat", "trivia_qa": "chat", "commongen": "creative_writing",
}

# CLINC150 intents. Acting on a system or reading the user's own accounts needs tools -> tool_use; questions a
# model answers from knowledge -> chat. Live-data lookups (weather, traffic, time) and yes/no/cancel fragments
# are left out: under the labelling guide they depend on whether tools are attached.
CLINC_TOOL = set("""accept_reservations account_blocked alarm application_status balance bill_balance bill_due book_flight
book_hotel calendar calendar_update cancel_reservation car_rental card_declined change_accent change_ai_name
change_language change_speed change_user_name change_volume confirm_reservation credit_limit credit_limit_change
credit_score current_location direct_deposit expiration_date find_phone freeze_account gas income insurance_change
last_maintenance make_call meeting_schedule min_payment new_card next_song order order_checks order_status pay_bill
payday pin_change play_music pto_balance pto_request pto_request_status pto_used redeem_rewards reminder
reminder_update replacement_card_duration report_fraud report_lost_card reset_settings restaurant_reservation
rewards_balance rollover_401k routing schedule_maintenance schedule_meeting share_location shopping_list
shopping_list_update smart_home spending_history sync_device text tire_pressure todo_list todo_list_update
transactions transfer travel_notification uber update_playlist user_name w2 whisper_mode""".split())
CLINC_CHAT = set("""are_you_a_bot calories carry_on cook_time definition do_you_have_pets food_last fun_fact gas_type goodbye
greeting how_old_are_you improve_credit_score ingredient_substitution ingredients_list international_visa jump_start
meal_suggestion meaning_of_life nutrition_info oil_change_how oil_change_when plug_type recipe restaurant_suggestion
spelling taxes thank_you travel_suggestion vaccines what_are_your_hobbies what_can_i_ask_you what_is_your_name
where_are_you_from who_do_you_work_for who_made_you apr interest_rate international_fees""".split())
CLINC_OTHER = {"translate": "translation", "calculator": "math", "measurement_conversion": "math"}
SNIPS = {"AddToPlaylist", "BookRestaurant", "PlayMusic", "RateBook", "SearchCreativeWork", "SearchScreeningEvent"}

# XCOPA asks for the cause or effect of a premise; the question is written in the prompt's own language.
XCOPA_Q = {
    "it": ("Qual è la causa più probabile?", "Qual è l'effetto più probabile?"),
    "tr": ("Bunun en olası sebebi nedir?", "Bunun en olası sonucu nedir?"),
    "vi": ("Nguyên nhân nào hợp lý hơn?", "Kết quả nào hợp lý hơn?"),
    "zh": ("哪个更可能是原因？", "哪个更可能是结果？"),
    "id": ("Apa penyebab yang paling mungkin?", "Apa akibat yang paling mungkin?"),
    "sw": ("Ni ipi sababu inayowezekana zaidi?", "Ni lipi tokeo linalowezekana zaidi?"),
    "et": ("Mis on tõenäolisem põhjus?", "Mis on tõenäolisem tagajärg?"),
    "th": ("สาเหตุใดน่าจะเป็นไปได้มากกว่า", "ผลลัพธ์ใดน่าจะเป็นไปได้มากกว่า"),
}
XQUAD_LANGS = ["ar", "de", "el", "en", "es", "hi", "ro", "ru", "th", "tr", "vi", "zh"]


def prompt_id(text):
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def git_show(mirror, key, path):
    repo, commit = REPOS[key]
    return subprocess.check_output(["git", "-C", os.path.join(mirror, repo, "repo"), "show", f"{commit}:{path}"])


def row(text, label, family, source, has_tools=False, lang=None):
    return {"text": text, "label": label, "family": family, "source": source, "has_tools": bool(has_tools),
            "lang": lang}


def real_prompts(path, labels_path):
    labels = {r["id"]: r["task_class"] for r in read_jsonl(labels_path)}
    for r in read_jsonl(path):
        label = r["task_class"] or labels.get(prompt_id(r["prompt"]))
        if label:
            yield row(r["prompt"], label, r["source"].split("/")[0], r["source"], r.get("has_tools"))


def mc_options(choices):
    """The answer options of an LLMRouter multiple-choice row (`choices` is a Python literal: a list of texts or
    {"text": [...], "label": [...]}), or None."""
    try:
        c = ast.literal_eval(choices) if isinstance(choices, str) else choices
    except (ValueError, SyntaxError):
        return None
    texts = c.get("text") if isinstance(c, dict) else c
    if not isinstance(texts, list) or len(texts) < 2:
        return None
    return [str(t).strip() for t in texts]


# Ways the options of a multiple-choice question are written in real prompts; one is drawn per row (seeded by the
# row's text) so that no single layout marks the class.
MC_LAYOUTS = [
    lambda q, o: q + "\n" + "\n".join(f"{'ABCDEFGH'[i]}. {t}" for i, t in enumerate(o)),
    lambda q, o: q + "\n" + "\n".join(f"({'ABCDEFGH'[i]}) {t}" for i, t in enumerate(o)),
    lambda q, o: q + "\nOptions: " + " ".join(f"({'abcdefgh'[i]}) {t}" for i, t in enumerate(o)),
    lambda q, o: q + "\n\nChoices:\n" + "\n".join(f"- {t}" for t in o),
    lambda q, o: f"Question: {q}\nAnswer choices: " + "; ".join(f"{'ABCDEFGH'[i]}) {t}" for i, t in enumerate(o)),
    lambda q, o: q + " (" + ", ".join(t.rstrip(".") for t in o[:-1]) + " or " + o[-1].rstrip(".") + ")",
]


def llmrouter(paths):
    # The multiple-choice tasks (metric em_mc) are posed to a model with their options; LLMRouter's `query` holds the
    # stem only. Without its options a stem reads as an open question (`chat`), a passage look-up (`extraction`) or
    # a sentence fragment, not the class the task maps to, so the options are put back (GUIDE.md: multiple-choice
    # knowledge/commonsense questions with options -> `reasoning`; training/labels/audit_llmrouter_mc.md).
    for p in paths:
        for r in read_jsonl(p):
            text = r["query"]
            opts = mc_options(r.get("choices")) if r.get("metric") == "em_mc" else None
            if opts:
                layout = MC_LAYOUTS[int(prompt_id(text), 16) % len(MC_LAYOUTS)]
                text = layout(text.rstrip(), opts)
            yield row(text, LLMROUTER[r["task_name"]], "llmrouter-" + r["task_name"], "llmrouter/" + r["task_name"])


def clinc(mirror, rng, per_intent=40):
    data = json.loads(git_show(mirror, "clinc", "data/data_full.json"))
    by_intent = {}
    for split in ("train", "val", "test"):
        for text, intent in data[split]:
            by_intent.setdefault(intent, []).append(text)
    for intent, texts in sorted(by_intent.items()):
        label = "tool_use" if intent in CLINC_TOOL else "chat" if intent in CLINC_CHAT else CLINC_OTHER.get(intent)
        if label:
            n = per_intent if label in ("tool_use", "chat") else len(texts)  # the few translate/maths intents: all
            for t in rng.sample(texts, min(n, len(texts))):
                yield row(t, label, "clinc", "clinc/" + intent)


def snips(mirror, rng, per_intent=150):
    for intent in sorted(SNIPS):
        raw = git_show(mirror, "snips", f"2017-06-custom-intent-engines/{intent}/train_{intent}_full.json")
        items = json.loads(raw.decode("latin-1").encode("latin-1").decode("utf-8", "replace"))[intent]
        texts = ["".join(part["text"] for part in it["data"]).strip() for it in items]
        for t in rng.sample(texts, min(per_intent, len(texts))):
            yield row(t, "tool_use", "snips", "snips/" + intent)


def staqc(mirror, rng, n=1500):
    import pickle
    raw = git_show(mirror, "staqc", "annotation_tool/data/code_solution_labeled_data/source/"
                   "sql_how_to_do_it_by_classifier_multiple_qid_to_title.pickle")
    titles = sorted(set(pickle.loads(raw, encoding="latin1").values()))
    for t in rng.sample(titles, n):
        yield row(t, "sql", "staqc", "staqc/sql")


def xquad(mirror, rng, per_lang=90):
    # Reading comprehension over a given passage is extraction (labelling guide); the passage comes first or last.
    for lang in XQUAD_LANGS:
        data = json.loads(git_show(mirror, "xquad", f"xquad.{lang}.json"))
        pairs = [(p["context"], qa["question"]) for art in data["data"] for p in art["paragraphs"] for qa in p["qas"]]
        for ctx, q in rng.sample(pairs, per_lang):
            text = f"{ctx}\n\n{q}" if rng.random() < 0.6 else f"{q}\n\n{ctx}"
            yield row(text, "extraction", "xquad", "xquad/" + lang, lang=lang)


def xcopa(mirror, rng, per_lang=80):
    for lang, (q_cause, q_effect) in sorted(XCOPA_Q.items()):
        items = [json.loads(l) for l in git_show(mirror, "xcopa", f"data/{lang}/test.{lang}.jsonl").decode().splitlines() if l]
        for it in rng.sample(items, per_lang):
            q = q_cause if it["question"] == "cause" else q_effect
            text = f"{it['premise']}\n{q}\n1) {it['choice1']}\n2) {it['choice2']}"
            yield row(text, "reasoning", "xcopa", "xcopa/" + lang, lang=lang)


def alpaca_seed(mirror, labels_path):
    # The 175 hand-written seed tasks of Self-Instruct/Alpaca (instruction + first instance's input), labelled in
    # training/labels/alpaca_seed_tasks.jsonl; tasks that fit no class cleanly are left unlabelled and unused.
    labels = {r["id"]: r["task_class"] for r in read_jsonl(labels_path)}
    for line in git_show(mirror, "alpaca-seed", "seed_tasks.jsonl").decode("utf-8").splitlines():
        t = json.loads(line)
        if t["id"] in labels:
            inp = t["instances"][0]["input"].strip()
            text = f"{t['instruction']}\n\n{inp}" if inp else t["instruction"]
            yield row(text, labels[t["id"]], "alpaca-seed", "alpaca-seed/" + t["name"])


def simple_jsonl(path, family, text_key="text", label_key="label"):
    for r in read_jsonl(path):
        yield row(r[text_key], r[label_key], family, r.get("source", family), r.get("has_tools"),
                  r.get("lang", r.get("language")))

