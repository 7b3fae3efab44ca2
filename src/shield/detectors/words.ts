/* Word lists that keep the person and address detectors from flagging ordinary words. */

function toSet(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

/** Frequent English words, tech words and words that double as names; never a name on their own. */
export const COMMON_WORDS: ReadonlySet<string> = toSet(`
a about above across everybody everyone nobody somebody someone anybody anyone after again against all almost also always am among an and another any anyone anything are
around as at away back bad be because been before being below best better between big both but by call called came
can case could day days did do does done down during each early either else end enough even ever every few find
first for from full get give go going good got great had has have having he her here hers him his home how however
i if in into is it its itself just keep kind know last late later least less let like little long look made make
man many may me might more most much must my name never new next no none nor not nothing now of off often old on
once one only or other our out over own part per place please put rather real right said same say says see she
should show since so some something soon still such sure take than that the their them then there these they
thing think this those though through time to today together too under until up upon us use used very want was
way we well went were what when where which while who whom whose why will with within without work would year years
yes yet you your yours
monday tuesday wednesday thursday friday saturday sunday january february march april june july august september
october november december jan feb mar apr jun jul aug sep sept oct nov dec
tomorrow tonight yesterday morning afternoon evening weekend week month
north south east west central new old upper lower great little saint st
street road avenue drive lane court place square boulevard way park
white black brown green gray grey red blue gold silver young king queen prince princess lord lady love hope faith
grace joy rose lily ivy iris jade amber ruby crystal pearl dawn summer winter spring autumn fall day night moon
sun star sky rain snow frost storm river lake hill wood woods stone rock field fields brook banks bush hall wall
page price cost power case best house small strong good rich noble cross church branch person english french
german spanish italian dutch chinese japanese korean indian american british irish scottish welsh
bell ball bass hood cole wolf fox lamb fisher baker cook miller taylor carter hunter mason porter parker turner
walker ward chase grant frank mark bill will may june august guy miles don ray art sue rob max jack glen dean
drew wade reed lane long short hart hale page law love joy well wells west north early holmes
hash map set list string date error type node test code file path key value data model user client server
request response table index query order status rate service worker router bundle token secret admin root
true false null none undefined function class return import export const let var interface struct package main
func def self this new public private static void int float double bool boolean char byte select from where
insert update delete create drop alter join inner outer left right group having limit offset values into
http https json yaml html css api url uri id uuid sql get post put patch head options debug info warn warning
fatal trace log logger config env version build release deploy docker kubernetes cloud worker workers
google amazon apple microsoft github gitlab slack stripe openai anthropic linux windows mac ubuntu debian
python java javascript typescript rust go ruby perl php swift kotlin scala julia ada pascal haskell elixir
react vue angular svelte node deno bun express django flask rails spring laravel
contact ask tell send forward ping invite email phone address country city state zip mobile fax website company title subject
dear hi hello hey thanks thank regards sincerely cheers best yours mr mrs ms miss dr prof sir madam
mom dad mother father brother sister son daughter wife husband friend partner boss kid kids child baby
grandma grandpa granny grandad grandmother grandfather grandson granddaughter aunt auntie uncle cousin niece
nephew stepmother stepfather stepson stepdaughter
`);

/** Given names that are also common words; accepted only next to a surname or after a cue. */
export const AMBIGUOUS_NAMES: ReadonlySet<string> = toSet(`
can per jan will may mark bill grace hope rose june april august joy faith summer autumn dawn ivy iris jade ruby
amber crystal sky river sage penny frank art guy miles rich don ray gene jack pat sue rob chase grant hunter
mason carter cole dean drew glen lane reed wade ward king young white brown green black long little day love
bell hall page price hill wood stone west bush power case best house small strong good moon snow frost glass
noble cross church branch person english french max ada pascal julia paris florence victoria austin chelsea
sydney lincoln washington houston jackson orlando georgia virginia jordan israel china india kenya lee le li
do ho ng oh ko yu ye su lu ma he hu ba sy ly vo vu bo jo kai sam ken ali mali ed al will liberty destiny
trinity harmony melody star storm jean sander cliff oscar rick hunt
`);

/** Function words that cannot sit between a house number and a street suffix. */
export const FUNCTION_WORDS: ReadonlySet<string> = toSet(`
a an the of on in at to for and or but my your his her our their its is are was were be been am i you we it this
that these those with from by per than then as into onto over under about after before minutes minute hours hour
days day weeks week months month years year times items files lines errors tests seconds ms km miles mile meters
feet steps people users rows bytes kb mb gb points percent dollars euros usd eur yrs mths wks hrs mins secs
`);
