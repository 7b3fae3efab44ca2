/* Street-type words of many countries, for the address detector. All lower case. */

function toSet(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

/**
 * Suffixes after "number + name" (US, UK, AU, CA, IE, ZA style) whose reading as a street is safe on its
 * own: "12 Oak Street", "4 Mill Lane".
 */
export const STRONG_SUFFIXES: ReadonlySet<string> = toSet(`
street st str road rd avenue ave av drive dr lane ln boulevard blvd way court ct place pl terrace ter circle cir
highway hwy parkway pkwy square sq trail trl crescent cres close grove gardens alley plaza pike mews loop junction
stravenue expressway freeway turnpike causeway crossing crossroad throughway trafficway motorway bypass
`);

/**
 * USPS and Commonwealth suffixes that are also ordinary nouns ("5 Key Points", "3 Data Centers"): a street
 * only when the address goes on (unit, city, postcode) or an address cue precedes it.
 */
export const WEAK_SUFFIXES: ReadonlySet<string> = toSet(`
row walk heights hollow ridge view views branch bridge brook brooks burg burgs camp canyon cape center centers
circles cliff cliffs club common commons corner corners course courts cove coves creek crest curve dale dam divide
drives estate estates extension extensions fall falls ferry field fields flat flats ford fords forest forge forges
fork forks fort garden gateway glen glens green greens groves harbor harbors haven hill hills inlet island islands
isle junctions key keys knoll knolls lake lakes land landing light lights loaf lock locks lodge mall manor manors
meadow meadows mill mills mission mount mountain mountains neck orchard oval overpass park parks parkways pass
passage path pine pines plain plains point points port ports prairie radial ramp ranch rapid rapids rest ridges
river roads route run shoal shoals shore shores skyway spring springs spur spurs squares station stream streets
summit trace track trailer tunnel underpass union unions valley valleys viaduct village villages ville vista walks
wall ways well wells parade esplanade quay rise wharf wynd chase gate green hill approach broadway
`);

/** Street-type words written before the name: "Rue de Rivoli 8", "Calle Mayor 5", "ulitsa Lenina, 12". */
export const PREFIX_TYPES: ReadonlySet<string> = toSet(`
rue avenue av av. via viale corso piazza piazzale vicolo contrada rotonda borgo strada calle avenida avda avda.
paseo plaza carrera carretera camino prolongación privada cerrada callejón calzada circuito andador retorno
rua travessa largo alameda rodovia marginal praça estrada ladeira vila ulica ul. aleja al. aleea calea
bulevardul bd bd. boulevard chemin allée impasse quai place voie résidence cours passage route sentier jalan jl.
jl gang gg. gg dk. ulitsa ul prospekt pereulok shosse ploshchad naberezhnaya vulytsia vulitsa provulok odos
leoforos leof. plateia πλατεία οδός λεωφόρος bulevar trg put str-la stradela nab. naberezhnaya urbanização
urbanizacion urbanización bulevardi rruga sheshi mikrorayon mkr mkr. mikrorayonu pr. pr-t
rúa camiño praza travesía rolda triq misraħ misrah sqaq pjazza vjal trejqa vulica vul. praspiekt prasp. zavulak
plošča ploshcha jr. jirón jiron psje. pasaje prolongacion khiyaban khiyoban kuche kucheh bolvar meydan khiyoboni
kuchai shareh sharia midan rehov sderot derech kikar wadada jidka lalana karaa phlov mahavithei thanon ruelle
sràid rathad ala alanui cité lotissement morcellement
`);

/** Prefix types that are also common words ("via", "place", "route"): need a capitalized name or a number. */
export const AMBIGUOUS_PREFIXES: ReadonlySet<string> = toSet(`
via avenue plaza place route passage cours largo marginal privada al. ul. ul bd bd. gang camino square put trg
vila alameda circuito retorno pr. pr-t
`);

/** Street-type words written after the name: "Halász sor 69", "Fatih Sokak 5", "Kalda tee 12". */
export const POST_TYPES: ReadonlySet<string> = toSet(`
ko'shesi ko’shesi ko'chesi sokak sokağı sok. cadde caddesi cad. bulvarı yolu mahallesi küçəsi küç. prospekti sahəsi döngəsi ko'chasi
koʻchasi daxasi mavzesi ulitsa pereulok prospekt shosse naberezhnaya vulytsia gatve iela laukums prospekts
bulvāris gatvė g. pr. sor utca út útja tér köz körút sétány fasor cesta ulica trg ulice náměstí nám. třída nábřeží
köchösü köchösu kóshesi köshesi koshesi köşesi köçesi kochasi kuchasi uramy uramı urami dangyly şaýoly
shayoly ýoly mahallasi ro daero gil gudamj gøta poghots poghota gamz. gamziri thanon kalea plaza etorbidea pasealekua bidea enparantza ul. tänav tn tee põik maantee mnt puiestee pst väljak vegur gata gatan braut stræti stígur vej gade allé straat laan
weg gasse platz strasse straße str. allee ring damm ufer kuja katu tie polku vei veien gate plass gāte
street st. road rd. avenue ave. av. boulevard blvd. blvd lane alley marg mawatha lam gali chowk nagar colony
praspiekt prasp. vulica vul. zavulak khiyoboni kuchai prospekti shareh karaa geaidnu luodda
`);

/** Endings of one-word compound street names: "Nassaustraat", "Auerstrasse", "Aðalgata", "Kaarinakaari". */
export const COMPOUND_ENDINGS: readonly string[] = [
  'straat',
  'strasse',
  'straße',
  'str.',
  'gasse',
  'weg',
  'gata',
  'gatan',
  'vej',
  'veien',
  'vegen',
  'vei',
  'plein',
  'laan',
  'allee',
  'platz',
  'damm',
  'gade',
  'utca',
  'útja',
  'katu',
  'kuja',
  'kaari',
  'polku',
  'rinne',
  'tie',
  'väg',
  'vägen',
  'gränd',
  'torget',
  'stræde',
  'steig',
  'kade',
  'singel',
  'gracht',
  'dreef',
  'steeg',
  'markt',
  'ufer',
  'chaussee',
  'pfad',
  'ring',
  'park',
  'hof',
  'vegur',
  'braut',
  'stræti',
  'stígur',
  'iela',
  'gatve',
  'cesta',
  'ulica',
  'gate',
  'strato',
  'avenuo',
  'ĝardeno',
];
// Endings that are also ordinary words: the compound must be longer ("Jennapark", not "Park").
export const SHORT_ENDINGS: ReadonlySet<string> = toSet('ring park hof tie weg vei gate');

/** Unit designators after a street line: "Apt. 611", "Suite 300", "Zimmer 728", "kv. 728", "Bloc 4". */
export const UNIT_WORDS =
  'apt|apartment|appartement|appartamento|apartamento|apartma|suite|ste|unit|flat|floor|fl|room|rm|bldg|building|' +
  'zimmer|wohnung|whg|lgh|leil|kv|dz|ap|bloc|bl|sc|esc|et|korter|kat|sprat|stan|piso|casa|depto|dpto|m|lok|' +
  'tür|stiege|etage|étage|andar|sala|box|pmb|butas|fatir|jaý|d(?=\\.)|dom|korp|korpus|k(?=\\.)|of|ofis|cage|appt|app|block|blk|bât|bat|' +
  'lot|scala|int|interno|porta|km|n°|nº|kom|pod|kl|villa|bureau|local|maison|#';

/** Unit forms with the number first: "2e verdieping", "1 étage", "3 hoog", "9. tv", "4. sal". */
export const NUMBER_FIRST_UNITS =
  'verdieping|hoog|étage|etage|tv|th|mf|sal|og|stock|piso|andar|kat|floor|eskuina|ezkerra|eskubi|hædd|xonadon|xona|qavat|uy';
