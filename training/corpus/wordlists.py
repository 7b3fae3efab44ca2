"""Hand-written word lists the corpus generator combines. Kept in the repo so the corpus is reproducible."""

PROG_LANGS = ["Python", "JavaScript", "TypeScript", "Go", "Rust", "Java", "C#", "C++", "Ruby", "PHP", "Kotlin",
              "Swift", "Bash", "Scala", "Elixir"]
NAT_LANGS = ["French", "Spanish", "German", "Italian", "Portuguese", "Japanese", "Chinese", "Korean", "Russian",
             "Arabic", "Dutch", "Polish", "Turkish", "Hindi", "Swedish", "Vietnamese", "Greek", "Hebrew", "English",
             "Brazilian Portuguese", "Indonesian", "Ukrainian", "Czech"]
TOPICS = ["climate change", "remote work", "the history of the printing press", "quantum computing", "urban gardening",
          "the French Revolution", "machine learning in healthcare", "electric cars", "sleep hygiene",
          "the Roman Empire", "cryptocurrency regulation", "coral reefs", "the gig economy", "minimalism",
          "space exploration", "inflation", "open source software", "social media and teenagers",
          "renewable energy", "the Silk Road", "coffee culture", "microservices", "honeybees", "jazz music",
          "marathon training", "the housing market", "video game design", "ancient Egypt", "supply chains",
          "the human microbiome", "volcanoes", "public transport", "artificial sweeteners", "chess openings",
          "vaccines", "the stock market", "food waste", "photosynthesis", "the Cold War", "3D printing"]
PRODUCTS = ["wireless earbuds", "a standing desk", "a budgeting app", "a coffee grinder", "hiking boots",
            "a project management tool", "a smart thermostat", "an e-bike", "a password manager", "a yoga mat",
            "a CRM platform", "noise-cancelling headphones", "a meal-kit subscription", "a VPN service",
            "a mechanical keyboard", "a robot vacuum"]
NAMES = ["Maria Lopez", "John Smith", "Aiko Tanaka", "Priya Patel", "Lars Jensen", "Fatima Al-Sayed", "Chen Wei",
         "Olivia Brown", "Mateo Rossi", "Sofia Novak", "David Cohen", "Amara Okafor", "Lucas Martin",
         "Emma Schmidt", "Noah Williams", "Isabella Garcia", "Kwame Mensah", "Elena Petrova"]
COMPANIES = ["Acme Corp", "Globex", "Initech", "Umbrella Health", "Stark Logistics", "Northwind Traders",
             "Contoso", "Blue Harbor Bank", "Pinecone Analytics", "Redwood Energy", "Orbit Telecom", "Vandelay Imports"]
CITIES = ["Berlin", "Lisbon", "Austin", "Tokyo", "Nairobi", "Toronto", "Melbourne", "São Paulo", "Seoul",
          "Dublin", "Mumbai", "Chicago", "Oslo", "Mexico City", "Cape Town", "Singapore"]
FRAMEWORKS = ["React", "Django", "Flask", "Express", "Spring Boot", "Rails", "FastAPI", "Next.js", "Vue",
              "Laravel", "Angular", "Svelte", "ASP.NET Core", "NestJS", "Gin"]
TOOLS = ["Docker", "Kubernetes", "Terraform", "GitHub Actions", "webpack", "Postgres", "Redis", "Kafka", "nginx",
         "pytest", "Jest", "npm", "pip", "gradle", "cargo", "AWS Lambda", "Cloudflare Workers"]

SHORT_TEXTS = [
    "The city council voted on Tuesday to expand the bike-lane network by 40 kilometres over the next three years. "
    "Supporters say it will cut traffic deaths and emissions; opponents worry about parking and the cost, estimated at "
    "$18 million. Construction begins in the spring, starting with the downtown corridor.",
    "Our Q3 revenue grew 12% year over year to $4.2M, driven mainly by the enterprise tier. Churn rose slightly to 3.1% "
    "after the price change in July. Headcount is flat at 48. We plan to hire two account executives and launch the "
    "EU data region in Q4.",
    "Researchers at the university found that participants who slept fewer than six hours a night for two weeks performed "
    "as poorly on attention tests as people who had been awake for 24 hours straight, yet they rated themselves as only "
    "slightly impaired.",
    "Hi team, quick update: the release is pushed to Thursday because the payment provider changed their API. Anna is "
    "handling the migration, Tom will update the docs, and QA needs the staging build by Wednesday noon. Please flag "
    "blockers in the channel.",
    "The patient, a 54-year-old male, presented with chest pain radiating to the left arm, onset two hours prior. Blood "
    "pressure 150/95, heart rate 102. ECG showed ST elevation in leads II, III and aVF. He was given aspirin and "
    "transferred to the cath lab.",
    "Thank you for your order #48213. Your package containing 2 x Trail Runner shoes (size 42) and 1 x rain jacket was "
    "shipped on March 3 via DHL, tracking number 9981 2231 004. Expected delivery: March 6-8. Total charged: 189.90 EUR.",
    "The new firmware fixes the Bluetooth pairing bug, improves battery life by about 8 percent and adds a low-light mode "
    "to the camera. Some users report that the update fails on devices with less than 1 GB of free storage.",
    "I've been using this blender for a month. It crushes ice well and is easy to clean, but it's really loud and the lid "
    "started leaking after two weeks. Customer service replaced it quickly though. Three stars.",
    "Tenant agrees to pay rent of $1,450 per month, due on the first day of each month. A late fee of $50 applies after "
    "the fifth day. The lease term is 12 months starting June 1, 2025. Pets are allowed with a $300 deposit.",
    "In 1928 Alexander Fleming noticed that a mould contaminating one of his petri dishes had killed the surrounding "
    "bacteria. It took more than a decade, and the work of Florey and Chain, before penicillin could be mass-produced.",
    "Meeting notes: decided to move the analytics stack to BigQuery; Sam to estimate cost by Friday; marketing wants a "
    "dashboard for campaign ROI; next sync in two weeks. Open question: who owns data quality?",
    "Dear Mr. Okafor, we regret to inform you that your application for the senior engineer role was not successful. "
    "We were impressed by your experience and encourage you to apply for future openings.",
    "The hotel was in a great location near the old town and the staff were friendly, but the room was tiny, the wifi "
    "kept dropping, and breakfast was overpriced at 25 euros.",
    "Flight LH 2041 from Munich to Lisbon, departing 14:35 on 12 May, gate G24, seat 17C. Passenger: Elena Petrova. "
    "Baggage allowance: 1 x 23 kg.",
    "Global shipping rates have fallen 30% since January as new container ships enter service, but analysts warn that "
    "disruptions in key canals could reverse the trend quickly.",
]

BUGGY_SNIPPETS = [
    ("Python", "def average(nums):\n    total = 0\n    for n in nums:\n        total += n\n    return total / len(nums)\n\nprint(average([]))",
     "ZeroDivisionError: division by zero"),
    ("Python", "items = [1, 2, 3]\nfor i in range(len(items) + 1):\n    print(items[i])", "IndexError: list index out of range"),
    ("Python", "import json\ndata = json.loads(open('config.json'))\nprint(data['port'])",
     "TypeError: the JSON object must be str, bytes or bytearray, not TextIOWrapper"),
    ("Python", "def add_item(item, bucket=[]):\n    bucket.append(item)\n    return bucket\n\nprint(add_item(1))\nprint(add_item(2))",
     "the second call prints [1, 2] instead of [2]"),
    ("Python", "user = get_user(id)\nprint(user.name.upper())", "AttributeError: 'NoneType' object has no attribute 'name'"),
    ("JavaScript", "const ids = [1, 2, 3];\nids.forEach(async id => {\n  await save(id);\n});\nconsole.log('done');",
     "'done' is printed before the saves finish"),
    ("JavaScript", "fetch('/api/users')\n  .then(res => res.json)\n  .then(users => console.log(users.length));",
     "TypeError: Cannot read properties of undefined (reading 'length')"),
    ("JavaScript", "for (var i = 0; i < 3; i++) {\n  setTimeout(() => console.log(i), 100);\n}", "it prints 3 3 3 instead of 0 1 2"),
    ("TypeScript", "function total(prices: number[]) {\n  return prices.reduce((a, b) => a + b);\n}\ntotal([]);",
     "TypeError: Reduce of empty array with no initial value"),
    ("TypeScript", "const el = document.getElementById('app');\nel.innerHTML = 'hi';", "error TS18047: 'el' is possibly 'null'."),
    ("Go", "var m map[string]int\nm[\"a\"] = 1", "panic: assignment to entry in nil map"),
    ("Go", "for _, v := range items {\n    go func() {\n        process(v)\n    }()\n}", "all goroutines process the same item"),
    ("Rust", "let s = String::from(\"hi\");\nlet t = s;\nprintln!(\"{}\", s);", "error[E0382]: borrow of moved value: `s`"),
    ("Rust", "fn longest(a: &str, b: &str) -> &str {\n    if a.len() > b.len() { a } else { b }\n}",
     "error[E0106]: missing lifetime specifier"),
    ("Java", "String s = null;\nif (s.equals(\"yes\")) {\n    System.out.println(\"ok\");\n}",
     "Exception in thread \"main\" java.lang.NullPointerException"),
    ("Java", "List<Integer> xs = List.of(1, 2, 3);\nxs.add(4);", "java.lang.UnsupportedOperationException"),
    ("C++", "int* p = new int[10];\nfor (int i = 0; i <= 10; i++) p[i] = i;\ndelete p;", "Segmentation fault (core dumped)"),
    ("C#", "var dict = new Dictionary<string, int>();\nConsole.WriteLine(dict[\"missing\"]);",
     "System.Collections.Generic.KeyNotFoundException: The given key 'missing' was not present in the dictionary."),
    ("SQL", "SELECT name, COUNT(*) FROM orders GROUP BY customer_id;",
     "ERROR: column \"orders.name\" must appear in the GROUP BY clause or be used in an aggregate function"),
    ("Bash", "for f in $(ls *.txt); do\n  mv $f backup/$f\ndone", "it breaks on file names with spaces"),
    ("PHP", "$arr = ['a' => 1];\necho $arr['b'];", "Warning: Undefined array key \"b\""),
    ("Ruby", "def greet(name)\n  puts \"Hello \" + name\nend\ngreet(nil)", "TypeError (no implicit conversion of nil into String)"),
    ("Python", "df = pd.read_csv('sales.csv')\ndf['total'] = df['price'] * df['qty']",
     "TypeError: can't multiply sequence by non-int of type 'str'"),
    ("Python", "async def main():\n    result = fetch_data()\n    print(result['id'])",
     "TypeError: 'coroutine' object is not subscriptable"),
    ("JavaScript", "const [count, setCount] = useState(0);\nuseEffect(() => {\n  setCount(count + 1);\n});",
     "Maximum update depth exceeded"),
]

ERRORS = [
    "ModuleNotFoundError: No module named 'requests'",
    "CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource",
    "fatal: refusing to merge unrelated histories",
    "OOMKilled (exit code 137)",
    "ECONNREFUSED 127.0.0.1:5432",
    "error: failed to push some refs to 'origin'",
    "java.lang.OutOfMemoryError: Java heap space",
    "Uncaught ReferenceError: process is not defined",
    "Permission denied (publickey)",
    "ImagePullBackOff",
    "SSL: CERTIFICATE_VERIFY_FAILED",
    "deadlock detected",
    "npm ERR! ERESOLVE unable to resolve dependency tree",
    "Hydration failed because the initial UI does not match what was rendered on the server",
    "RecursionError: maximum recursion depth exceeded",
    "segmentation fault",
    "503 Service Unavailable from the load balancer",
    "django.db.utils.OperationalError: no such table: auth_user",
    "Error: listen EADDRINUSE: address already in use :::3000",
    "CUDA out of memory",
]

SCHEMAS = [
    "customers(id, name, email, country, created_at), orders(id, customer_id, total, status, created_at)",
    "employees(emp_id, name, dept_id, salary, hire_date, manager_id), departments(dept_id, dept_name, location)",
    "products(id, name, category, price), order_items(order_id, product_id, quantity), orders(id, user_id, ordered_at)",
    "students(id, name, grade), courses(id, title, credits), enrollments(student_id, course_id, score, term)",
    "page_views(user_id, url, viewed_at, session_id, referrer)",
    "transactions(id, account_id, amount, currency, created_at, type), accounts(id, owner_name, opened_at, branch)",
    "tickets(id, title, priority, status, assignee_id, created_at, closed_at), users(id, name, team)",
    "flights(flight_no, origin, destination, departure_time, arrival_time, aircraft_id), bookings(id, flight_no, passenger_id, seat, price)",
    "events(event_id, user_id, event_name, properties jsonb, ts)",
    "invoices(id, client_id, amount, issued_on, paid_on), clients(id, company, industry, region)",
    "listings(id, host_id, city, price_per_night, rating), reviews(id, listing_id, stars, created_at)",
    "sensors(id, site, kind), readings(sensor_id, value, recorded_at)",
]
SQL_GOALS = [
    "the top 5 customers by total spend in the last 90 days",
    "monthly revenue for 2024 broken down by country",
    "the second highest salary in each department",
    "all employees who earn more than their manager",
    "users who signed up but never placed an order",
    "the average order value per week, including weeks with zero orders",
    "a running total of sales per day",
    "duplicate emails and how many times each appears",
    "the median response time per team",
    "the percentage of tickets closed within 24 hours, by priority",
    "a 7-day rolling average of daily active users",
    "customers whose spending dropped by more than 50% compared with the previous month",
    "the most popular product in each category",
    "sessions with more than 10 page views",
    "retention: the share of each signup cohort still active after 30 days",
    "the first purchase date of every user",
    "accounts with no transactions in the last 6 months",
    "the longest streak of consecutive days each user was active",
]
SQL_DIALECTS = ["PostgreSQL", "MySQL", "SQLite", "BigQuery", "Snowflake", "SQL Server", "Oracle", "Redshift",
                "DuckDB", "ClickHouse"]

CATEGORY_SETS = [
    ["positive", "negative", "neutral"],
    ["billing", "technical issue", "account access", "feature request", "other"],
    ["spam", "not spam"],
    ["urgent", "normal", "low priority"],
    ["sports", "politics", "business", "technology", "entertainment"],
    ["toxic", "non-toxic"],
    ["bug report", "question", "praise", "complaint"],
    ["joy", "anger", "sadness", "fear", "surprise"],
    ["relevant", "irrelevant"],
    ["fraud", "legitimate"],
]
CLASSIFY_ITEMS = [
    "I was charged twice for my subscription this month and nobody answers my emails.",
    "Love the new update, the dark mode looks fantastic!",
    "CONGRATULATIONS! You have won a $1000 gift card. Click here to claim now!!!",
    "The app crashes every time I try to upload a photo from my gallery.",
    "Can you add an option to export reports as PDF?",
    "I can't log in after resetting my password.",
    "The team's late goal secured their place in the final.",
    "Shares of the chipmaker rose 8% after strong quarterly earnings.",
    "The delivery was late and the box was damaged, very disappointed.",
    "Server is down in production, customers cannot check out!",
    "Meh. It works, I guess.",
    "Your package could not be delivered, confirm your address at bit.ly/xyz",
    "The movie was long but the ending made it worth it.",
    "Parliament passed the new budget bill late on Thursday night.",
]

STORY_SUBJECTS = ["a lighthouse keeper who finds a message in a bottle", "a robot learning to paint",
                  "two rival bakers in a small village", "a detective who can hear lies", "the last tree on Mars",
                  "a cat that runs a bookstore", "a time traveler stuck in 1994", "a dragon afraid of fire",
                  "a grandmother's secret recipe", "a city where it never stops raining", "an astronaut's final message home",
                  "a violinist who lost her hearing", "a ghost who haunts a coworking space", "first love at a train station",
                  "a kid who befriends a stray dog", "an AI that wants to become a gardener"]
POEM_FORMS = ["haiku", "sonnet", "limerick", "free verse poem", "rhyming poem", "villanelle", "short poem", "ballad"]
TONES = ["funny", "melancholic", "uplifting", "dark", "whimsical", "romantic", "nostalgic", "suspenseful", "formal",
         "casual", "heartfelt", "sarcastic"]
AUDIENCES = ["kids", "teenagers", "software engineers", "my grandmother", "investors", "new employees", "my team",
             "a general audience", "customers", "students"]

TOOL_SETS = [
    ("get_weather(city: string, unit: 'C'|'F')", "What's the weather going to be like in {city} tomorrow?"),
    ("search_flights(origin, destination, date)", "Find me the cheapest flight from {city} to {city2} next Friday."),
    ("send_email(to, subject, body)", "Email {name} that the meeting is moved to 3pm."),
    ("create_calendar_event(title, start, end, attendees)", "Schedule a 30 minute sync with {name} on Monday morning."),
    ("query_database(sql)", "How many orders did we get yesterday? Use the database tool."),
    ("web_search(query)", "Search the web for the latest news about {topic} and summarize the top 3 results."),
    ("run_python(code)", "Use the python tool to compute the compound interest on $10,000 at 5% for 10 years."),
    ("get_stock_price(ticker)", "What's NVDA trading at right now, and how does it compare to AAPL?"),
    ("create_jira_ticket(project, title, description, priority)", "Open a high priority ticket in project WEB about the login page being slow."),
    ("read_file(path), write_file(path, content), list_dir(path)", "Look through the repo, find where the config is loaded and add a DEBUG flag."),
    ("browser.navigate(url), browser.click(selector), browser.type(selector, text)", "Go to the {company} careers page and apply to the first backend job."),
    ("lookup_order(order_id), refund_order(order_id, amount)", "Customer says order 55812 arrived broken, check it and refund if eligible."),
    ("translate(text, target_lang)", "Use the translate function to turn our FAQ into {nlang}."),
    ("slack_post(channel, text)", "Post a reminder in #eng about the deploy freeze on Friday."),
    ("get_exchange_rate(from, to)", "Convert 250 USD to EUR using the live rate tool."),
    ("kubectl(args)", "Check which pods are crashing in the payments namespace and restart them."),
]
AGENT_TASKS = [
    "Plan my trip to {city}: book a hotel under $150 a night near the center, find two restaurants, and add everything to my calendar.",
    "You are an autonomous agent with shell access. Clone the repo, run the tests, fix any failures and open a pull request.",
    "Call the CRM API to find all leads from {company} that haven't been contacted in 30 days and draft follow-up emails.",
    "Every morning, check my inbox for invoices, extract the amounts and add them to the expenses spreadsheet.",
    "Monitor the {topic} RSS feeds and alert me in Slack when something mentions our product.",
    "Use the available tools to find the cheapest {product} on three different shops and place the order on the best one.",
    "Act as my research agent: search for recent papers on {topic}, download the PDFs and build a reading list.",
    "Go through the open GitHub issues, label them by area and assign them to the right people.",
    "Fetch the sales data from the API, compute weekly totals with the code tool, then email the chart to {name}.",
    "Book a table for four at an Italian place in {city} on Saturday at 8pm using the reservation tool.",
    "Check the status of all our {tool} deployments and roll back any that failed in the last hour.",
    "Find out which of our servers have disk usage above 90% and clean up old logs on them.",
]

CHAT_Q = [
    "what's the difference between a latte and a flat white?",
    "how do I get better at waking up early?",
    "any tips for a first job interview?",
    "is it worth learning to play piano at 40?",
    "why is the sky blue?",
    "what should I cook tonight with chicken, rice and spinach?",
    "can you recommend some good sci-fi books?",
    "how long should I boil an egg for a runny yolk?",
    "what's a good name for a golden retriever puppy?",
    "how do vaccines work, in simple terms?",
    "what's the capital of Australia?",
    "who wrote Pride and Prejudice?",
    "how many ounces are in a cup?",
    "I'm feeling a bit stressed about exams, any advice?",
    "what are some fun things to do in {city} this weekend?",
    "how does compound interest work?",
    "what's the best way to learn {nlang}?",
    "hi! how are you today?",
    "tell me a fun fact about octopuses",
    "should I buy {product} or wait for the next model?",
    "what time zone is {city} in?",
    "how do I politely decline a wedding invitation?",
    "what is {topic}?",
    "explain {topic} like I'm five",
    "what are the pros and cons of {topic}?",
    "thanks, that helped a lot!",
    "can you help me think of a gift for my dad who likes fishing?",
    "what's the difference between weather and climate?",
    "when did the Berlin Wall fall?",
    "how many people live in {city}?",
    "is it safe to eat raw cookie dough?",
    "what does a product manager actually do?",
    "good morning! what's a nice quote to start the day?",
    "how do I keep my houseplants alive?",
    "what's the origin of the word 'salary'?",
    "do you know any good podcasts about history?",
    "what is the difference between {fw} and {fw2}?",
    "how do I deal with a coworker who keeps interrupting me?",
]

CODEGEN_TASKS = [
    "a function that validates an email address",
    "a REST endpoint that returns paginated users",
    "a CLI tool that renames files in a folder by date",
    "a class for an LRU cache",
    "a function to merge two sorted lists",
    "a script that downloads all images from a web page",
    "a debounce function",
    "a React component for a searchable dropdown",
    "a rate limiter using a token bucket",
    "a function that parses a CSV file and returns the rows as dicts",
    "unit tests for a shopping cart class",
    "a binary search tree with insert and delete",
    "a websocket chat server",
    "a Dockerfile for a {fw} app",
    "a GitHub Actions workflow that runs tests on every push",
    "a function that converts Roman numerals to integers",
    "a retry wrapper with exponential backoff",
    "a simple todo app",
    "a function that checks whether a string is a palindrome",
    "a middleware that logs request duration",
    "a regex that matches US phone numbers",
    "a script to back up a Postgres database to S3 every night",
]

# Who is asking and why: real prompts often open with context before the ask.
CONTEXTS = [
    "I'm a nurse working night shifts.", "For my startup's landing page:", "Context: we run a small online shop.",
    "My professor gave us this for homework.", "I work in HR at a mid-sized company.", "Background: I'm new to this job.",
    "We're a team of five engineers.", "This is for a client presentation tomorrow.", "I'm a freelance designer.",
    "My grandmother asked me about this.", "Our support team gets a lot of these.", "I manage a restaurant.",
    "I'm preparing for a job interview.", "For our internal wiki:", "I'm writing a newsletter for our members.",
    "I run a small nonprofit.", "I'm a data analyst at a bank.", "Long story short, my manager is on vacation.",
    "I'm studying for my exams.", "Our legal team sent me this.", "I'm building a side project on weekends.",
    "At work we use Slack and Jira.", "I'm a high school teacher.", "This came from a customer yesterday.",
]
FOLLOWUPS = ["", "", "", "", " I don't need an explanation, just the result.", " Explain your reasoning briefly.",
             " Format the answer as a list.", " Keep the original meaning.", " Please double check.",
             " Use simple words.", " It's for a non-technical audience.", " No more than a paragraph.",
             " I'll paste more if needed."]
EXTRA_LANGS = ["Catalan", "Tagalog", "Thai", "Finnish", "Romanian", "Hungarian", "Danish", "Norwegian", "Swahili",
               "Persian", "Bengali", "Malay", "Slovak", "Croatian", "Latin", "Welsh"]
VERB_SUMMARIZE = ["summarize", "summarise", "sum up", "recap", "condense", "give me the gist of", "boil down",
                  "shorten", "give me the highlights of", "digest", "outline the key points of",
                  "make a short version of", "break down the main points of", "give me a synopsis of"]
VERB_EXTRACT = ["extract", "pull out", "list", "find", "grab", "identify", "parse out", "capture", "pick out",
                "get me"]
EXTRACT_TARGETS = ["the names and dates", "every number and what it refers to", "all prices", "the entities",
                   "the key fields", "the contact details", "the deadlines", "all quantities and units",
                   "the people and their roles", "the locations", "the amounts and currencies", "the product names",
                   "the main claims", "any URLs", "the times and places"]
EXTRACT_FORMATS = ["as JSON", "as a JSON array", "in a table", "as CSV", "as key: value lines", "as YAML",
                   "into these fields", "matching the schema I gave", "as a bulleted list", "in structured form"]
VERB_CLASSIFY = ["classify", "categorize", "label", "tag", "sort", "bucket", "group", "triage", "rate",
                 "assign a category to", "decide the class of", "flag"]
CREATIVE_KINDS = ["story", "poem", "short story", "fable", "monologue", "song", "toast", "speech", "scene",
                  "comic strip script", "fairy tale", "love letter", "ode", "prologue", "ghost story", "lullaby"]
SQL_ASKS = ["I need a query that", "how do I write SQL that", "give me the SQL to", "what query would",
            "can you help with a query that", "write the statement that", "help me with SQL:", "which join would"]
SQL_VERBS = ["counts", "sums", "ranks", "finds", "lists", "groups", "averages", "joins", "filters", "deletes",
             "updates", "pivots"]
DEBUG_SYMPTOMS = ["keeps crashing", "hangs forever", "returns the wrong value", "throws an exception", "is way too slow",
                  "leaks memory", "works locally but not in production", "fails randomly", "won't compile",
                  "gives a blank page", "times out", "loops forever", "silently drops data", "returns null"]
TOOL_VERBS = ["book", "schedule", "send", "order", "cancel", "look up", "fetch", "create", "update", "post",
              "check", "remind me to", "file", "deploy", "restart", "download", "upload", "move", "archive"]
TOOL_OBJECTS = ["a meeting with the team", "an email to the client", "my flight", "a table for two", "the invoice",
                "a ticket in Jira", "the latest report", "a reminder", "the staging server", "my calendar for next week",
                "the order status", "a message in Slack", "the PR", "the spreadsheet", "a cab to the airport"]
CHAT_OPENERS = ["hey", "hi there", "hello!", "quick question", "random question", "so", "ok so", "hmm",
                "good morning", "yo", "honest question"]
