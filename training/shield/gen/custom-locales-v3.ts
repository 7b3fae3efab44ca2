/**
 * Locales of the third held-out split (v3), written for this project before any tuning on it: languages
 * and countries no v1 or v2 locale covers, with their own naming customs (patronymic and lineage names,
 * Mac/Nic, Singh/Kaur, family name first, two surnames, names without a family name), address forms
 * (house/street/sector, lot numbers, door numbers, Hawaiian hyphenated numbers, postcodes in the
 * country's own format) and phone forms. Names are romanized as English-language business text writes
 * them. Held out until the v3 report, development data since: `generate('heldout-v3')` and
 * `generateFrom` (training, cross-validation, threshold sweeps) reach them; locales.ts and compose.ts do not.
 */
import * as F from '@faker-js/faker';
import type { LocaleSource } from './locales';

type Pick = <T>(xs: readonly T[]) => T;
const w = (s: string) => s.split(/\s+/).filter(Boolean).map((x) => x.replace(/_/g, ' '));

export interface LocaleSpecV3 {
  locale: string;
  group: string;
  country: string;
  region: string | null; // libphonenumber region for generated national numbers
  postcodeFirst: boolean;
  male: string[];
  female: string[];
  surnames: string[];
  /** The family name is written first ("Sok Dara", "Kalvakuntla Chandrasekhar"). */
  familyFirst?: boolean;
  /** A family name built per person (two surnames, Singh/Kaur, lineage names), given the pick and sex. */
  surname?: (pick: Pick, female: boolean, spec: LocaleSpecV3) => string;
  /** The female form of a surname ("Kazlou" → "Kazlova", "MacLeòid" → "NicLeòid"). */
  feminine?: (s: string) => string;
  prefixes?: { male: string[]; female: string[] };
  /** {n}, {m}: numbers; {name}: a street name; {type}: a street type; {area}: a quarter or sector. */
  streetFormats: string[];
  streets: string[];
  types: string[];
  areas?: string[];
  units: string[];
  cities: string[];
  state?: string;
  postcodes: string[]; // faker replaceSymbols: # digit, ? letter
  phones: string[];
}

const twoSurnames = (share: number) => (pick: Pick, _female: boolean, s: LocaleSpecV3) =>
  F.fakerEN.datatype.boolean(share) ? `${pick(s.surnames)} ${pick(s.surnames)}` : pick(s.surnames);

export const LOCALE_SPECS_V3: LocaleSpecV3[] = [
  // europe
  { locale: 'gl', group: 'europe', country: 'Galicia', region: 'ES', postcodeFirst: true,
    male: w('Xosé Xoán Brais Anxo Iago Breogán Uxío Roi Martiño Antón Xurxo Alberte Xacobe Fiz Lois'),
    female: w('Uxía Iria Antía Sabela Noela Rosalía Xiana Aldara Maruxa Lúa Icía Olalla Xulia Tareixa Uxenia'),
    surnames: w('Otero Castro Pazos Vázquez Lorenzo Novoa Figueiras Rivas Carballo Seoane Souto Bouzas Caamaño Barreiro Outeiriño Mosquera Regueiro Louzao Vilariño Portela Lema Varela Cancela Freire Rial Dopico Pombo'),
    surname: twoSurnames(0.6),
    streetFormats: ['{type} {name}, {n}', '{type} {name} {n}', '{type} {name}, nº {n}'],
    streets: w('do_Vilar Nova do_Franco da_Raíña de_San_Pedro do_Hórreo da_Mariña do_Obradoiro de_Compostela dos_Loureiros'),
    types: w('Rúa Avenida Praza Travesa Camiño'),
    units: ['{n}º esquerda', '{n}º dereita', '{n}º B', 'baixo'],
    cities: w('Santiago_de_Compostela A_Coruña Vigo Pontevedra Lugo Ourense Ferrol Ribeira Carballo Vilagarcía_de_Arousa Monforte_de_Lemos Narón'),
    postcodes: ['15###', '27###', '32###', '36###'],
    phones: ['+34 981 ## ## ##', '986 ### ###', '6## ## ## ##', '+34 6## ### ### ext. ###'] },
  { locale: 'mt', group: 'europe', country: 'Malta', region: 'MT', postcodeFirst: false,
    male: w('Ġużeppi Ġorġ Pawlu Ċensu Karmenu Nazzareno Manwel Frans Ġwann Kurt Jake Matthias Kyle Mikiel Ġilbert'),
    female: w('Marija Rita Carmen Rożi Ġemma Dorianne Roberta Graziella Marthese Nicole Doris Antoinette Josette Tessa Maryanne'),
    surnames: w('Borg Camilleri Vella Farrugia Zammit Galea Micallef Grech Attard Spiteri Azzopardi Mifsud Agius Cassar Caruana Pace Sammut Debono Fenech Cutajar Xuereb Bugeja Schembri Tabone Abela Ellul Zahra Muscat Gauci'),
    streetFormats: ['{n}, {type} {name}', '{type} {name}, {n}', 'Flat {m}, {n}, {type} {name}'],
    streets: w('il-Kbira San_Pawl ir-Repubblika il-Mitħna tal-Balal Santa_Marija l-Imdina il-Fortizza tal-Ħamrun Sant’_Anna'),
    types: w('Triq Triq Misraħ Sqaq Vjal'),
    units: ['Flat {n}', 'Block B, Flat {n}', 'Maisonette {n}'],
    cities: w('Valletta Birkirkara Mosta Qormi Żabbar Sliema San_Pawl_il-Baħar Żejtun Rabat Gżira Marsaskala Naxxar'),
    postcodes: ['VLT ####', 'BKR ####', 'MST ####', 'SLM ####', 'ZBR ####', 'QRM ####', 'SPB ####'],
    phones: ['+356 21## ####', '79## ####', '99## ####', '+356 2### #### ext. ##'] },
  { locale: 'bs', group: 'europe', country: 'Bosna i Hercegovina', region: 'BA', postcodeFirst: true,
    male: w('Adnan Emir Amar Haris Kenan Tarik Mirza Edin Jasmin Nermin Senad Almir Dženan Faruk Harun'),
    female: w('Amra Selma Lejla Ajla Emina Amina Merima Azra Belma Nejra Dženana Aida Alma Sabina Elma'),
    surnames: w('Hodžić Hadžić Begović Delić Mehmedović Hasanović Ibrahimović Čolić Salihović Alić Husić Mujić Softić Bešlagić Karić Osmanović Suljić Dedić Halilović Zukić Omerović Mujkić Ćatić Hadžiahmetović Bajramović Imamović'),
    streetFormats: ['{type} {name} {n}', '{name} {n}', '{name} br. {n}'],
    streets: w('Ferhadija Maršala_Tita Zmaja_od_Bosne Alipašina Kralja_Tvrtka Hamdije_Kreševljakovića Mehmeda_Spahe Branilaca_Sarajeva Džemala_Bijedića Kulovića'),
    types: w('ul. Ulica Trg'),
    units: ['stan {n}', '{n}. sprat', 'ulaz {n}'],
    cities: w('Sarajevo Banja_Luka Tuzla Zenica Mostar Bihać Travnik Brčko Goražde Cazin Konjic Visoko'),
    postcodes: ['71###', '72###', '75###', '88###'],
    phones: ['+387 61 ### ###', '033 ### ###', '06# ###-###', '+387 33 ### ### ext. ##'] },
  { locale: 'be_Latn', group: 'europe', country: 'Belarus', region: 'BY', postcodeFirst: true,
    male: w('Aliaksandr Siarhei Uladzimir Andrei Mikalai Dzmitry Aliaksei Pavel Viktar Yauhen Maksim Raman Ihar Vadzim Kanstancin'),
    female: w('Hanna Volha Iryna Tatsiana Natallia Sviatlana Kaciaryna Maryia Alena Yuliya Darja Palina Liudmila Veranika Aksana'),
    surnames: w('Kavalenka Bahdanovich Karatkevich Shushkevich Novik Kazlou Marozau Dubouski Lahvinovich Hurynovich Sakalou Kuzniatsou Zhuk Melnik Lapitski Sidarenka Kirylenka Pashkevich Varabei Hrytsuk Ramanenka Yakauleu Barysevich Navumchyk Sapeha Chyhir'),
    feminine: (s) => s.replace(/ou$/, 'ava').replace(/eu$/, 'eva').replace(/au$/, 'ava').replace(/ski$/, 'skaya'),
    streetFormats: ['{type} {name} {n}', '{type} {name}, {n}', '{name} {type}, {n}'],
    streets: w('Niezalezhnasci Kastrychnitskaya Karla_Marksa Surhanava Pieramozhcau Masherava Kalinouskaha Bahdanovicha Janki_Kupaly Prytyckaha Lahojski'),
    types: w('vul. praspiekt pr-t zavulak'),
    units: ['kv. {n}', 'kv. {n}, pad. 2', 'pamiashkanne {n}'],
    cities: w('Minsk Homiel Mahilioŭ Viciebsk Hrodna Brest Babrujsk Baranavichy Barysau Pinsk Orsha Maladziechna'),
    postcodes: ['220###', '2#####'],
    phones: ['+375 29 ###-##-##', '8 017 ###-##-##', '+375 33 ### ## ##', '+375 17 ###-##-## ext. ##'] },
  { locale: 'gd', group: 'europe', country: 'Alba', region: 'GB', postcodeFirst: false,
    male: w('Iain Seumas Ruairidh Eòghann Dòmhnall Calum Tormod Alasdair Coinneach Uisdean Aonghas Murchadh Niall Fionnlagh Ailean'),
    female: w('Mòrag Ealasaid Catrìona Peigi Seonag Mairead Iseabail Ciorstaidh Oighrig Ùna Beathag Màiri Sìne Raonaid Seonaid'),
    surnames: w("MacLeòid MacDhòmhnaill MacCoinnich MacAmhlaigh MacIlleathain MacAonghais MacNèill MacRath MacIomhair MacPhàil MacFhionghain MacAoidh MacGriogair MacAsgaill MacIllInnein Mac_a'_Phearsain Caimbeul Moireasdan Stiùbhart Rothach Friseal Grannd Mac_an_t-Saoir MacDhùghaill Dòmhnallach Siosalach"),
    feminine: (s) => s.replace(/^Mac/, 'Nic'),
    streetFormats: ['{n} {type} {name}', '{n} {name}', '{m} {type} {name}'],
    streets: w("a'_Chladaich na_h-Eaglaise an_Rubha Mhòr na_Drochaid a'_Bhàigh na_Mara a'_Chaisteil an_Loch Ùr"),
    types: w('Sràid Rathad Bruach Ceann'),
    units: ['Flat {n}', 'Taigh {n}'],
    cities: w("Steòrnabhagh Port_Rìgh Inbhir_Nis An_t-Òban Tobar_Mhoire Loch_nam_Madadh Baile_a'_Mhanaich Ulapul Cille_Chuimein Dùn_Èideann Glaschu Pitlochraidh"),
    postcodes: ['HS# #??', 'IV## #??', 'PA## #??', 'KW# #??'],
    phones: ['+44 1851 ######', '01478 ######', '07### ######', '+44 1463 ###### ext. ###'] },
  { locale: 'se', group: 'europe', country: 'Sápmi', region: 'NO', postcodeFirst: true,
    male: w('Áilu Ánde Niillas Máhtte Jovsset Piera Isak Mihkkal Heaika Ovllá Jon Ánte Sámmol Ivvár Aslak'),
    female: w('Máret Biret Iŋgá Risten Elle Sárá Ánne Kirsten Ravdna Márjá Siri Elen Berit Ristin Inga'),
    surnames: w('Somby Sara Gaup Eira Hætta Utsi Buljo Mienna Turi Bongo Balto Anti Oskal Kemi Skum Logje Triumf Guttorm Kuoljok Juuso Valkeapää Nango Partapuoli Aslaksen Eriksen Labba'),
    streetFormats: ['{name} {n}', '{name} {n}{m}', '{name} {n} B'],
    streets: w('Hánnoluohkká Ávjovárgeaidnu Suomageaidnu Bálddonjárgeaidnu Duottargeaidnu Márkanluodda Skuvlageaidnu Girkogeaidnu Johtingeaidnu Čuoikkageaidnu'),
    types: [''],
    units: ['leilighet {n}', 'H0{n}'],
    cities: w('Guovdageaidnu Kárášjohka Deatnu Unjárga Porsáŋgu Áltá Romsa Gáivuotna Ohcejohka Anár'),
    postcodes: ['95##', '97##', '98##'],
    phones: ['+47 4# ## ## ##', '78 ## ## ##', '9## ## ###', '+47 78 48 ## ## ext. ##'] },
  { locale: 'kl', group: 'europe', country: 'Kalaallit Nunaat', region: 'GL', postcodeFirst: true,
    male: w('Aqqaluk Nuka Malik Inuk Kunuk Aputsiaq Kaali Pavia Minik Salik Hansi Kuupik Aleqatsiaq Ujarneq Qilaq'),
    female: w('Ivalo Naja Pipaluk Paninnguaq Nivi Aviaja Arnannguaq Sika Najaaraq Aaja Ulloriaq Nukaaka Qupanuk Tuuni Kristiane'),
    surnames: w('Kleist Lynge Motzfeldt Egede Petrussen Kristiansen Berthelsen Kuko Enoksen Heilmann Lyberth Frederiksen Zeeb Hammeken Broberg Rosing Chemnitz Fleischer Kreutzmann Geisler Lund Thorleifsen Josefsen Nathanielsen Qujaukitsoq Sandgreen'),
    streetFormats: ['{name} {n}', 'B-{m}{n}, {name}', '{name} {n}, lejl. {m}'],
    streets: w('Aqqusinersuaq Imaneq Qullilerfik Issortarfimmut Tuapannguit Siaqqinneq Nuussuaq Eqalugalinnguit Kuussuaq Qernertunnguit'),
    types: [''],
    units: ['{n}. sal', 'lejl. {n}'],
    cities: w('Nuuk Sisimiut Ilulissat Qaqortoq Aasiaat Maniitsoq Tasiilaq Paamiut Narsaq Uummannaq Upernavik Qasigiannguit'),
    postcodes: ['39##'],
    phones: ['+299 ## ## ##', '3# ## ##', '+299 5# ## ##', '+299 32 ## ## ext. ##'] },
  // middle_east
  { locale: 'ar_EG_Latn', group: 'middle_east', country: 'Egypt', region: 'EG', postcodeFirst: false,
    male: w('Mohamed Ahmed Mahmoud Mostafa Omar Youssef Karim Tarek Hossam Amr Khaled Sherif Hany Islam Ashraf'),
    female: w('Nour Yasmin Mariam Salma Aya Dina Heba Rania Mona Nada Shaimaa Eman Reem Hend Doaa'),
    surnames: w('El-Sayed Abdel-Rahman Abdel-Aziz El-Masry Hassan Ibrahim Mansour Fathy Soliman Shawky Ragab Fawzy Zaki Gamal Sabry El-Sherif Nasser Hegazy Farouk Abou-Zeid El-Naggar Badawi Shehata Kandil Osman'),
    // Given name, father's given name, then the family name.
    surname: (pick, _f, s) => (F.fakerEN.datatype.boolean(0.5) ? `${pick(s.male)} ${pick(s.surnames)}` : pick(s.surnames)),
    prefixes: { male: ['Eng.', 'Ustaz', 'Dr.'], female: ['Eng.', 'Dr.', 'Madame'] },
    streetFormats: ['{n} {name} {type}', '{n} {type} {name}, {area}', '{n} {name} {type}, {area}'],
    streets: w('El-Tahrir Talaat_Harb Qasr_El-Nil Mohamed_Farid El-Haram Abbas_El-Akkad Makram_Ebeid Salah_Salem Shehab El-Merghany Ramses Gameat_El-Dowal'),
    types: w('St. Street Shareh'),
    areas: w('Dokki Zamalek Heliopolis Maadi Mohandessin Nasr_City Garden_City Agouza Sheikh_Zayed Smouha'),
    units: ['Apt. {n}', 'Floor {n}, Apt. {m}', 'Building {n}'],
    cities: w('Cairo Giza Alexandria Mansoura Tanta Asyut Ismailia Port_Said Luxor Aswan Zagazig Suez'),
    postcodes: ['11###', '12###', '21###'],
    phones: ['+20 10 #### ####', '012 #### ####', '02 #### ####', '+20 2 #### #### ext. ###'] },
  { locale: 'he_Latn', group: 'middle_east', country: 'Israel', region: 'IL', postcodeFirst: false,
    male: w('Yossi Avi Moshe Itai Noam Omer Eitan Yonatan Amit Uri Gilad Yaakov Shlomo Nadav Ronen'),
    female: w('Noa Tamar Yael Shira Michal Hila Adi Orly Efrat Rivka Sarit Liat Neta Einat Keren'),
    surnames: w('Cohen Levi Mizrahi Peretz Biton Friedman Shapira Katz Dahan Avraham Ben-David Ben-Ami Azoulay Malka Amsalem Rosenberg Goldberg Ohana Hadad Gabay Segal Weiss Ashkenazi Carmeli Shalev Harel Golan'),
    streetFormats: ['{name} {type} {n}', 'Rehov {name} {n}', '{name} {n}'],
    streets: w('Herzl Dizengoff Ben_Yehuda Allenby Rothschild Jabotinsky Weizmann Bialik King_George Ibn_Gabirol Emek_Refaim HaPalmach'),
    types: w('St. Street Blvd.'),
    units: ['Apt. {n}', 'Entrance B, Apt. {n}', 'Floor {n}'],
    cities: w('Tel_Aviv Jerusalem Haifa Beersheba Netanya Holon Rishon_LeZion Petah_Tikva Ashdod Herzliya Ramat_Gan Eilat'),
    postcodes: ['6######', '9######', '3######'],
    phones: ['+972 5#-###-####', '05#-###-####', '03-###-####', '+972 3-###-#### ext. ###'] },
  { locale: 'fa_Latn', group: 'middle_east', country: 'Iran', region: 'IR', postcodeFirst: false,
    male: w('Mohammad Reza Ali Hossein Mehdi Amir Hamid Saeed Behnam Kourosh Dariush Arash Babak Farhad Payam'),
    female: w('Fatemeh Zahra Maryam Narges Shirin Leila Parisa Niloufar Mahsa Roya Azadeh Golnaz Ladan Shabnam Taraneh'),
    surnames: w('Hosseini Rezaei Mohammadi Karimi Ahmadi Jafari Moradi Rahimi Sadeghi Ghorbani Hashemi Tehrani Esfahani Shirazi Kazemi Sharifi Mousavi Najafi Farahani Ebrahimi Safavi Nouri Bagheri Amini Yazdani Zand'),
    prefixes: { male: ['Agha-ye', 'Mr.', 'Dr.'], female: ['Khanom', 'Ms.', 'Dr.'] },
    streetFormats: ['No. {n}, {name} {type}', 'No. {n}, {m}th Alley, {name} {type}', '{name} {type}, No. {n}'],
    streets: w('Valiasr Enghelab Azadi Shariati Motahari Keshavarz Ferdowsi Mirdamad Zafar Jomhouri Taleghani Hafez'),
    types: w('St. Ave. Blvd.'),
    units: ['Unit {n}', 'Floor {n}', 'Unit {n}, Floor {m}'],
    cities: w('Tehran Mashhad Esfahan Shiraz Tabriz Karaj Qom Ahvaz Kermanshah Rasht Yazd Kerman'),
    postcodes: ['1#########', '1####-#####'],
    phones: ['+98 912 ### ####', '0912 ### ####', '021 #### ####', '+98 21 #### #### ext. ###'] },
  // central_asia
  { locale: 'ps_Latn', group: 'central_asia', country: 'Afghanistan', region: 'AF', postcodeFirst: false,
    male: w('Ahmad Zalmai Wahid Naveed Hamid Khalid Nasir Rahmatullah Hekmatullah Samiullah Naqibullah Bashir Jawad Ajmal Mirwais'),
    female: w('Malalai Zarghuna Nazanin Farzana Shabana Palwasha Mursal Sadaf Lema Hasina Nargis Wazhma Gulalai Spozhmai Storai'),
    surnames: w('Popalzai Barakzai Achakzai Mohmand Yousafzai Afridi Khattak Wardak Ghilzai Durrani Ahmadzai Stanikzai Noorzai Alizai Safi Shinwari Mangal Zadran Tanai Karzai Kakar Hotak Sherzad Jalali Sahak Amarkhel'),
    streetFormats: ['House {n}, Street {m}, {area}', 'House No. {n}, {name} {type}', 'Kocha {m}, House {n}, {area}'],
    streets: w('Darulaman Jalalabad Salang_Wat Shahr-e-Naw Char_Rahi_Ansari Airport Kart-e-Char Taimani Qargha Paghman'),
    types: w('Road Street Wat'),
    areas: w('Wazir_Akbar_Khan Shahr-e-Naw Karte_Seh Khair_Khana Taimani Qala-e-Fatullah Macroyan Kart-e-Parwan'),
    units: ['Floor {n}', 'Apartment {n}, Block {m}'],
    cities: w('Kabul Kandahar Jalalabad Khost Ghazni Gardez Lashkargah Kunduz Mazar-i-Sharif Herat Asadabad Pul-i-Alam'),
    postcodes: ['10##', '3###', '26##'],
    phones: ['+93 7# ### ####', '07# ### ####', '+93 20 ### ####', '+93 20 ### #### ext. ##'] },
  { locale: 'ug_Latn', group: 'central_asia', country: 'Xinjiang, China', region: 'CN', postcodeFirst: false,
    male: w('Ilham Abdurehim Memet Tursun Ablikim Erkin Nurmemet Ekber Perhat Alim Ehmet Qurban Yasin Mutellip Dilshat'),
    female: w('Rahile Gulnar Mihrigul Aygul Nurgul Rizwangul Patigul Zulpiye Mayire Dilnur Gulbahar Arzigul Ayshem Buhelchem Mahire'),
    // The father's given name serves as the family name.
    surnames: w('Tohti Dawut Hoshur Kadir Ismayil Osman Rozi Sidiq Qasim Ghopur Eysa Imin Yakup Hesen Turdi Ablet Niyaz Sabir Hamut Barat Obul Abduweli Mamut Tahir Rehim Yunus'),
    streetFormats: ['{name} {type} {n}', '{name} {type} {n}-nomur', 'No. {n} {name} Road'],
    streets: w("Yengi_Hayat Tengritagh Sheng'ili Ozgurush Yenimehelle Dongkowruk Nurbagh Tarim Altay Chimenbagh"),
    types: w('Yoli kochisi Road'),
    units: ['{n}-bina, {m}-öy', 'Room {n}0{m}'],
    cities: w('Ürümqi Kashgar Hotan Aksu Turpan Ghulja Korla Qumul Atush Yarkand Karamay Shihezi'),
    postcodes: ['8300##', '8440##', '8480##'],
    phones: ['+86 13# #### ####', '0991-#######', '139 #### ####', '+86 991 ### #### ext. ##'] },
  { locale: 'tg_Latn', group: 'central_asia', country: 'Tojikiston', region: 'TJ', postcodeFirst: true,
    male: w('Emomali Rustam Farrukh Firdavs Jamshed Bahrom Davron Parviz Dilshod Behruz Shahrom Anvar Umed Khurshed Suhrob'),
    female: w('Zarina Malika Nilufar Shahnoza Tahmina Dilnoza Farzona Mehrangez Gulnora Manizha Sitora Parvina Firuza Nigina Ozoda'),
    surnames: w("Rahmonov Sharipov Nazarov Davlatov Saidov Qodirov Mirzoev Sattorov Yusufzoda Nurmatov Safarov Boboev Hamidov Ismoilzoda Kholov Rasulov Sulaymonov Abdulloev Odinaev Ashurov Rustamzoda Zoirov Latipov Qurbonov Ne'matov Shodmonov Hakimzoda"),
    feminine: (s) => s.replace(/ov$/, 'ova').replace(/ev$/, 'eva'),
    streetFormats: ['{type} {name} {n}', '{type} {name}, {n}', '{name} {type} {n}'],
    streets: w('Rudaki Ismoili_Somoni Bokhtar Shotemur Ayni Lohuti Tursunzoda Nisor_Muhammad Firdavsi Sino'),
    types: w('kuchai khiyoboni prospekti'),
    units: ['khonai {n}', 'kv. {n}'],
    cities: w('Dushanbe Khujand Bokhtar Kulob Istaravshan Panjakent Vahdat Tursunzoda Isfara Khorugh Hisor Konibodom'),
    postcodes: ['734###', '735###'],
    phones: ['+992 9# ### ####', '(37) 2## ## ##', '9## ## ## ##', '+992 37 ### #### ext. ##'] },
  // south_asia
  { locale: 'ur_Latn', group: 'south_asia', country: 'Pakistan', region: 'PK', postcodeFirst: false,
    male: w('Muhammad Usman Bilal Hamza Faisal Imran Zeeshan Kamran Asif Tariq Waqas Shahid Adeel Junaid Fahad'),
    female: w('Ayesha Sana Hira Maham Mehwish Sadia Rabia Zainab Iqra Nida Amna Saima Kiran Bushra Mahnoor'),
    surnames: w('Khan Qureshi Siddiqui Chaudhry Butt Malik Sheikh Abbasi Raza Hashmi Naqvi Rizvi Jafri Mirza Bhatti Gondal Warraich Awan Janjua Baig Ansari Farooqi Zaidi Akhtar Iqbal Cheema'),
    streetFormats: ['House No. {n}, Street {m}, {area}', 'Plot {n}-C, Block {m}, {area}', 'Flat {m}, {name} {type}'],
    streets: w('Jail Mall Shahrah-e-Faisal Jinnah Club Murree Canal Ferozepur Tariq University'),
    types: w('Road Avenue'),
    areas: w('Sector_F-7/2 Sector_G-9/4 DHA_Phase_5 Gulberg_III PECHS Model_Town Bahria_Town Johar_Town Clifton_Block_5 Satellite_Town'),
    units: ['Flat {n}', 'Floor {n}', 'Office {n}'],
    cities: w('Lahore Karachi Islamabad Rawalpindi Faisalabad Multan Peshawar Quetta Sialkot Gujranwala Hyderabad Bahawalpur'),
    postcodes: ['54###', '44###', '75###'],
    phones: ['+92 3## #######', '03##-#######', '042-3#######', '+92 51 ####### ext. ###'] },
  { locale: 'pa_Latn', group: 'south_asia', country: 'India', region: 'IN', postcodeFirst: false,
    male: w('Gurpreet Jaspreet Manpreet Harjit Gurdeep Amrinder Baljit Sukhwinder Navjot Kuldeep Jagdeep Parminder Ranjit Harbhajan Tejinder'),
    female: w('Simran Jasleen Harleen Gurleen Navneet Rajwinder Amandeep Kiranjit Manjit Sukhpreet Parveen Balwinder Hardeep Inderjit Harpreet'),
    surnames: w('Sandhu Gill Dhillon Grewal Sidhu Brar Bains Sekhon Randhawa Bajwa Virk Mann Aulakh Chahal Dhaliwal Hundal Kang Johal Sahota Atwal Toor Bhullar Sohal Pannu Gosal Deol'),
    // Singh or Kaur, then (mostly) the clan name.
    surname: (pick, female, s) => (female ? 'Kaur' : 'Singh') + (F.fakerEN.datatype.boolean(0.7) ? ` ${pick(s.surnames)}` : ''),
    streetFormats: ['House No. {n}, Sector {m}-B', '#{n}, {area}', 'H. No. {n}, {name} {type}'],
    streets: w('Mall Ferozepur GT Pakhowal Maqbool Lawrence Rani_ka_Bagh Model_Town Civil_Lines Circular'),
    types: w('Road Marg'),
    areas: w('Model_Town_Phase_2 Urban_Estate_Phase_1 Sarabha_Nagar Ranjit_Avenue Green_Avenue BRS_Nagar Kitchlu_Nagar Dugri'),
    units: ['Floor {n}', 'Flat {n}'],
    cities: w('Ludhiana Amritsar Jalandhar Patiala Bathinda Mohali Chandigarh Hoshiarpur Moga Phagwara Pathankot Kapurthala'),
    postcodes: ['14####', '15####', '160###'],
    phones: ['+91 98### #####', '098## #####', '0172 ### ####', '+91 161 ### #### ext. ##'] },
  { locale: 'bn_Latn', group: 'south_asia', country: 'Bangladesh', region: 'BD', postcodeFirst: false,
    male: w('Rahim Arif Tanvir Shakib Mahmudul Rafiq Sajjad Nayeem Fahim Imtiaz Mehedi Rakib Shahriar Tahmid Sohel'),
    female: w('Nusrat Farhana Tasnim Sumaiya Rumana Sabrina Jannatul Taslima Nasrin Shampa Mitu Lamia Tahmina Moushumi Afroza'),
    surnames: w('Rahman Hossain Islam Ahmed Chowdhury Sarker Miah Uddin Haque Alam Bhuiyan Talukder Mollah Sikder Majumder Das Roy Saha Biswas Barua Chakraborty Bhattacharjee Kabir Mahmud Akter Begum'),
    streetFormats: ['House {n}, Road {m}, {area}', 'House {n}/{m}, {area}', 'Flat {m}, House {n}, {name} {type}'],
    streets: w('Mirpur Satmasjid Airport Kazi_Nazrul_Islam Elephant Green Pragati_Sarani Shahid_Tajuddin Gulshan Bir_Uttam'),
    types: w('Road Avenue Sarani'),
    areas: w('Dhanmondi Gulshan-2 Banani Uttara_Sector_7 Mohammadpur Bashundhara_R/A Baridhara Lalmatia Agrabad Zindabazar'),
    units: ['Flat {n}', 'Level {n}', 'Apt {n}-B'],
    cities: w('Dhaka Chattogram Khulna Rajshahi Sylhet Barishal Rangpur Mymensingh Cumilla Narayanganj Gazipur Bogura'),
    postcodes: ['1###', '4###'],
    phones: ['+880 17## ######', '01#-####-####', '02-9######', '+880 2 ######## ext. ##'] },
  { locale: 'te_Latn', group: 'south_asia', country: 'India', region: 'IN', postcodeFirst: false, familyFirst: true,
    male: w('Venkata Srinivas Ramesh Suresh Chandrasekhar Raghavendra Naresh Mahesh Pavan Sai_Kiran Nagarjuna Prabhas Vamsi Anil Koteswara'),
    female: w('Lakshmi Padmavathi Sravani Swathi Anusha Sailaja Bhavani Sirisha Madhavi Haritha Keerthi Sindhu Pravallika Tejaswini Naga_Jyothi'),
    surnames: w('Nara Kalvakuntla Yeleti Daggubati Konidela Akkineni Nandamuri Kotla Gali Bandaru Chinta Vemula Maddala Kommineni Bommireddy Tummala Gorantla Jonnalagadda Paruchuri Kodali Mukkamala Vallabhaneni Yarlagadda Ravuri Potluri Dhulipala'),
    streetFormats: ['D.No. {n}-{m}-{n}, {name} {type}', 'Plot No. {n}, Road No. {m}, {area}', 'Flat {m}0{n}, {area}'],
    streets: w('MG Eluru Bandar Beach Tank_Bund Rajiv_Gandhi Ring Tilak Station Main'),
    types: w('Road Street'),
    areas: w('Banjara_Hills Jubilee_Hills Kukatpally Madhapur Gachibowli Benz_Circle Labbipet Dwaraka_Nagar MVP_Colony Ameerpet'),
    units: ['Flat {n}', 'Floor {n}'],
    cities: w('Hyderabad Vijayawada Visakhapatnam Guntur Warangal Nellore Tirupati Kakinada Rajahmundry Karimnagar Kurnool Khammam'),
    postcodes: ['500###', '520###', '530###'],
    phones: ['+91 9### ### ###', '040 #### ####', '0866 ### ####', '+91 40 #### #### ext. ##'] },
  { locale: 'si_Latn', group: 'south_asia', country: 'Sri Lanka', region: 'LK', postcodeFirst: false,
    male: w('Nimal Sunil Kamal Chaminda Ruwan Lasantha Tharindu Dinesh Kasun Mahinda Saman Pradeep Asanka Nuwan Isuru'),
    female: w('Nirmala Kumari Dilhani Chamari Sanduni Ishara Thilini Nadeesha Dilrukshi Anoma Malini Piumi Hasini Sachini Yasodha'),
    surnames: w('Perera Fernando de_Silva Jayasuriya Wickramasinghe Bandara Dissanayake Rajapaksa Gunawardena Senanayake Jayawardena Ranasinghe Herath Wijesinghe Karunaratne Samarasinghe Amarasinghe Weerasinghe Ekanayake Rathnayake Gamage Liyanage Siriwardena Abeysekera Munasinghe Kumaratunga'),
    streetFormats: ['No. {n}, {name} {type}', 'No. {n}/{m}, {name} {type}', '{n}/{m} {name} {type}'],
    streets: w('Galle Duplication Baseline Havelock Ward Flower Horton Kandy Peradeniya Temple Dharmapala Anagarika'),
    types: w('Road Mawatha Lane Place'),
    units: ['Apartment {n}', 'Level {n}'],
    cities: w('Colombo Kandy Galle Jaffna Negombo Kurunegala Matara Anuradhapura Ratnapura Badulla Trincomalee Batticaloa'),
    postcodes: ['00###', '20###', '80###'],
    phones: ['+94 7# ### ####', '07# ### ####', '011 ### ####', '+94 11 ### #### ext. ###'] },
  // se_asia_himalaya
  { locale: 'km_Latn', group: 'se_asia_himalaya', country: 'Cambodia', region: 'KH', postcodeFirst: false, familyFirst: true,
    male: w('Dara Sophal Vuthy Rithy Sokha Visal Bunthoeun Chanthou Samnang Veasna Rattanak Sovann Piseth Kosal Vichea'),
    female: w('Sreymom Sophea Chanthy Bopha Channary Sreyleak Sokunthea Kanha Malis Phalla Rachana Sreypov Leakhena Chenda Davy'),
    surnames: w('Sok Chea Heng Kim Chan Meas Sam Ly Chhun Keo Long Ouk Pich Prak Seng Tep Touch Yim Nhem Mao Hor Khieu Noun Sar Vong Chhay'),
    streetFormats: ['No. {n}, Street {m}{n}, {area}', '#{n}E{m}, St. {m}{m}, {area}', 'No. {n}, {name} {type}'],
    streets: w('Preah_Sihanouk Monivong Norodom Mao_Tse_Toung Russian Sothearos Kampuchea_Krom Czar'),
    types: w('Blvd. Boulevard'),
    areas: w('Sangkat_Boeung_Keng_Kang_I Sangkat_Tonle_Bassac Sangkat_Chey_Chumneah Sangkat_Toul_Tom_Poung Sangkat_Phsar_Thmei Sangkat_Srah_Chak'),
    units: ['Flat {n}', 'Floor {n}'],
    cities: w('Phnom_Penh Siem_Reap Battambang Sihanoukville Kampot Kampong_Cham Takeo Kep Pursat Kratie Poipet Svay_Rieng'),
    postcodes: ['12####', '17####'],
    phones: ['+855 12 ### ###', '012 ### ###', '023 ### ###', '+855 23 ### ### ext. ##'] },
  { locale: 'lo_Latn', group: 'se_asia_himalaya', country: 'Lao PDR', region: 'LA', postcodeFirst: false,
    male: w('Thongloun Bounnhang Khamphao Somsanouk Phonesavanh Souksavanh Vilayphong Khampheng Sisavath Bounthavy Soulivong Vongsavanh Anousone Chanthavong Sengphet'),
    female: w('Souphaphone Khamla Manivone Phetsamone Bouavanh Chanthala Vilayvanh Davone Sengdao Khanthaly Viengkham Malaythong Phonthip Souksamay Noutsavanh'),
    surnames: w('Sisoulith Vorachith Phomvihane Siphandone Souvanna Vongsa Keomany Inthavong Phommachanh Sayavong Khounnavong Luangrath Phetsarath Xayavong Manivong Sengsouriya Thammavong Douangchak Bounyavong Sihavong Rattanavong Soukhaseum Phanthavong Latsavong Keovilay Vilaysack'),
    streetFormats: ['House {n}, Unit {m}, Ban {area}', 'Ban {area}, {name} {type}', '{n} {name} {type}, Ban {area}'],
    streets: w('Lane_Xang Samsenthai Setthathirath Fa_Ngum Khouvieng Souphanouvong Kaysone_Phomvihane Nongbone'),
    types: w('Road Avenue'),
    areas: w('Phonxay Sisaket Haisok Anou Sihom Nongchan Phonthan Saphanthong Dongpalane Thongkhankham'),
    units: ['Room {n}', 'Floor {n}'],
    cities: w('Vientiane Luang_Prabang Savannakhet Pakse Thakhek Xam_Neua Phonsavan Vang_Vieng Muang_Xay Luang_Namtha Attapeu Salavan'),
    postcodes: ['01###', '06###', '13###'],
    phones: ['+856 20 ## ### ###', '020 ## ### ###', '021 ### ###', '+856 21 ### ### ext. ##'] },
  { locale: 'my_Latn', group: 'se_asia_himalaya', country: 'Myanmar', region: 'MM', postcodeFirst: false,
    // No family names: a name is two to four syllables; the list below gives the last part.
    male: w('Aung Kyaw Min Zaw Thant Htet Soe Myo Nay Ye Tun Thura Zeyar Sithu Thiha'),
    female: w('Su Thandar Khin Hnin Ei Nandar May Thiri Yadanar Cho Myat Moe Wint Nilar Phyu'),
    surnames: w('Aung Min_Htet Kyaw_Zin Win Thu Oo Naing Htun Lwin Hlaing Myint Thein Phyo Khaing Nwe Thazin Hmue Mon Yi Myat_Noe Pyae_Sone Ei_Phyu Zin_Mar Paing Khant'),
    prefixes: { male: ['U', 'Ko', 'Saya'], female: ['Daw', 'Ma', 'Sayama'] },
    streetFormats: ['No. {n}, {name} {type}, {area} Township', 'No. {n}({m}), {m}th Street, {area} Township', 'Room {m}0{n}, {name} {type}'],
    streets: w('Bogyoke_Aung_San Pyay Kabar_Aye_Pagoda Anawrahta Maha_Bandula Sule_Pagoda Insein University Inya Mahabandoola'),
    types: w('Road Street'),
    areas: w('Pabedan Kyauktada Bahan Sanchaung Kamayut Hlaing Mayangone Yankin Tamwe Dagon'),
    units: ['Room {n}', '{n}th Floor'],
    cities: w('Yangon Mandalay Naypyidaw Bago Mawlamyine Taunggyi Pathein Monywa Sittwe Myitkyina Meiktila Dawei'),
    postcodes: ['11###', '05###'],
    phones: ['+95 9 ### ### ###', '09 ### ### ###', '01 ### ###', '+95 1 ### ### ext. ##'] },
  { locale: 'dz_Latn', group: 'se_asia_himalaya', country: 'Bhutan', region: 'BT', postcodeFirst: false,
    // Two given names and no family name: the second part is listed as the "surname".
    male: w('Tshering Karma Sonam Ugyen Kinley Jigme Dorji Pema Tandin Kuenga Namgay Sangay Phurba Dawa Rinchen'),
    female: w('Dechen Yangchen Choki Deki Kezang Chimi Dolma Lhaden Sither Yeshi Tshering Pema Sonam Kinley Dawa'),
    surnames: w('Dorji Wangchuk Choden Wangmo Tobgay Gyeltshen Namgyel Penjor Lhamo Zangmo Dema Yangzom Tenzin Norbu Rinzin Phuntsho Jamtsho Dendup Lhendup Yeshey Pelden Chophel Gyamtsho Thinley Wangdi Tshomo'),
    streetFormats: ['Building No. {n}, {name} {type}', 'Flat {m}, Building {n}, {area}', '{name} {type}, House {n}'],
    streets: w('Norzin Chang Doebum Chorten Phendey Gatoen Desi Jangchhub Samten Zilukha'),
    types: w('Lam Lam Road'),
    areas: w('Changzamtog Motithang Babesa Olakha Dechencholing Changangkha Kawajangsa Taba'),
    units: ['Flat {n}', 'Floor {n}'],
    cities: w('Thimphu Phuentsholing Paro Punakha Gelephu Samdrup_Jongkhar Trashigang Bumthang Wangdue_Phodrang Mongar'),
    postcodes: ['1100#', '2100#', '1200#'],
    phones: ['+975 17 ## ## ##', '17 ## ## ##', '02 ## ## ##', '+975 2 ## ## ## ext. ##'] },
  // africa
  { locale: 'so', group: 'africa', country: 'Soomaaliya', region: 'SO', postcodeFirst: false,
    male: w('Mohamed Hassan Farah Abdirahman Yusuf Omar Ali Said Liban Mustafe Abdiweli Hamza Guled Bashir Ismail'),
    female: w('Hodan Ifrah Faadumo Sahra Ayaan Hibaaq Nimco Asha Deeqa Hawo Ubah Sagal Filsan Idil Maryan'),
    surnames: w('Mohamed Ahmed Hassan Ali Farah Omar Yusuf Abdi Warsame Jama Nur Aden Hirsi Dirie Egal Samatar Guleid Mohamud Ibrahim Osman Abdullahi Elmi Shire Duale Musse Bile'),
    // Father's and (often) grandfather's given names.
    surname: (pick, _f, s) => (F.fakerEN.datatype.boolean(0.6) ? `${pick(s.surnames)} ${pick(s.surnames)}` : pick(s.surnames)),
    streetFormats: ['Guri {n}, Wadada {name}, Degmada {area}', 'House {n}, {name} {type}, {area} District', '{name} {type}, Building {n}'],
    streets: w('Maka_Al-Mukarama Afgooye Wadnaha Sayidka Warshadaha Industrial Jigjiga_Yar Airport'),
    types: w('Road Street'),
    areas: w('Hodan Wadajir Hamar_Weyne Waberi Dharkenley Shibis Hawl_Wadaag Yaqshid'),
    units: ['Floor {n}', 'Room {n}'],
    cities: w('Muqdisho Hargeysa Kismaayo Baydhabo Boosaaso Garoowe Berbera Beledweyne Gaalkacyo Burco Marka Jowhar'),
    postcodes: ['BN #####', 'WG #####', 'BR #####', 'NG #####'],
    phones: ['+252 61 ### ####', '061 #######', '+252 63 #######', '+252 1 ### ### ext. ##'] },
  { locale: 'om', group: 'africa', country: 'Ethiopia', region: 'ET', postcodeFirst: false,
    male: w('Gemechu Tolosa Lencho Obsa Chala Abdisa Fayisa Gudina Boru Jatani Waqo Gadisa Dhaba Tariku Megersa'),
    female: w('Chaltu Lensa Hawi Biftu Bontu Dinkitu Ayantu Ebise Hayat Obsinet Caalitu Gifti Lalise Magartu Tolani'),
    // The father's given name follows the given name.
    surnames: w('Tolosa Gudina Fayisa Megersa Dhaba Abdisa Gemechu Jatani Boru Lencho Gadisa Chala Kenenisa Waqo Diriba Dinsa Gutema Tufa Fufa Galata Kumsa Tesso Hundessa Jirata Olana Amenu Urgessa'),
    streetFormats: ['Kebele {m}, House No. {n}', 'House No. {n}, {name} {type}', '{area} Sub-city, Woreda {m}, House {n}'],
    streets: w('Haile_Gebrselassie Bishoftu Ambo Jimma Sululta Burayu Gerji Asella'),
    types: w('Road Street Karaa'),
    areas: w('Bole Kirkos Yeka Akaki_Kality Nifas_Silk Kolfe_Keranio Lemi_Kura Gullele'),
    units: ['Floor {n}', 'Office {n}'],
    cities: w('Adama Jimma Shashamane Bishoftu Nekemte Ambo Asella Bale_Robe Sebeta Burayu Holeta Woliso'),
    postcodes: ['1###', '2###'],
    phones: ['+251 9## ### ###', '09## ######', '011 ### ####', '+251 11 ### #### ext. ##'] },
  { locale: 'mg', group: 'africa', country: 'Madagasikara', region: 'MG', postcodeFirst: true,
    male: w('Rivo Haja Tiana Hery Fetra Mamy Andry Njaka Tsiory Hasina Toky Rado Solofo Rindra Zo'),
    female: w('Voahangy Lalao Hanitra Nirina Fara Mialy Tahina Volatiana Sitraka Lanto Harisoa Miora Ony Aina Holy'),
    surnames: w('Rakotomalala Rasoanaivo Randrianarisoa Rakotoarisoa Andrianirina Razafindrakoto Rabemananjara Ratsiraka Ravalomanana Randriamampionona Rasolofoniaina Raharison Rakotondrabe Andriamahazo Razanakolona Ramanantsoa Rabenirina Rasoamanarivo Ratsimbazafy Andrianjafy Rakotovao Razafimahefa Ramaroson Rabearivelo Randrianasolo'),
    streetFormats: ['Lot II {m} {n} Ter {area}', 'Lot IVG {n} {area}', '{n} {type} {name}'],
    streets: w('Rainandriamampandry Ravoninahitriniarivo Andrianampoinimerina Ratsimilaho Rabezavana Dr_Villette Andrianary_Ratianarivo Rainitovo'),
    types: w('Rue Lalana Avenue'),
    areas: w('Antanimena Ambohipo Analakely Isoraka Ankadifotsy Ampefiloha Ivandry Behoririka Andravoahangy Ambatonakanga'),
    units: ['Appartement {n}', 'Étage {n}'],
    cities: w('Antananarivo Toamasina Antsirabe Fianarantsoa Mahajanga Toliara Antsiranana Ambatondrazaka Morondava Manakara Nosy_Be Ambositra'),
    postcodes: ['101', '1##', '2##', '5##'],
    phones: ['+261 34 ## ### ##', '034 ## ### ##', '032 ## ### ##', '+261 20 22 ### ## ext. ##'] },
  // americas_pacific
  { locale: 'qu', group: 'americas_pacific', country: 'Perú', region: 'PE', postcodeFirst: false,
    male: w('Inti Amaru Wayra Kusi Illari Edwin Rolando Fredy Hilario Teófilo Wilfredo Percy Yuri Saturnino Wilber'),
    female: w('Killa Sumaq Chaska Qori Illa Urpi Yolanda Nélida Delia Marisol Lucila Hilda Eulogia Saturnina Rufina'),
    surnames: w('Mamani Quispe Huamán Condori Ccama Huallpa Yupanqui Choque Tupa Cusi Apaza Chambi Ccori Layme Huarcaya Puma Ttito Sutta Cutipa Ticona Hancco Paucar Ccahuana Auccapuma Limachi Ninahuanca Taipe'),
    surname: twoSurnames(0.7),
    streetFormats: ['{type} {name} {n}', '{type} {name} N° {n}', '{type} {name} {n}, Int. {m}'],
    streets: w('Tupac_Amaru Pachacútec Huayna_Cápac El_Sol Garcilaso Mantas Saphi Plateros Tullumayu Collasuyo'),
    types: w('Av. Jr. Calle Pasaje'),
    units: ['Dpto. {n}', 'Int. {n}', 'Piso {n}'],
    cities: w('Cusco Puno Juliaca Ayacucho Abancay Huancavelica Huancayo Andahuaylas Sicuani Urubamba Quillabamba Huanta'),
    postcodes: ['08###', '21###', '05###'],
    phones: ['+51 9## ### ###', '9## ### ###', '(084) ######', '+51 84 ###### ext. ##'] },
  { locale: 'ht', group: 'americas_pacific', country: 'Ayiti', region: 'HT', postcodeFirst: true,
    male: w('Wesner Fritz Jocelyn Guerdy Wisly Jameson Kervens Evens Frantz Dieuseul Lesly Jean-Robert Wilner Rony Jackson'),
    female: w('Guerline Nadège Marie-Carmelle Rose-Marie Wideline Mirlande Darline Fabienne Nerlande Myrlande Roseline Magalie Yolette Esther Djenane'),
    surnames: w('Pierre Joseph Jean-Louis Charles Dorsainvil Estimé Célestin Bellegarde Desrosiers Augustin Fleurant Saint-Fleur Jean-Charles Louis-Jeune Étienne Dorvil Cadet Toussaint Lamothe Moïse Préval Désir Nazaire Saint-Louis Destin Dessalines'),
    prefixes: { male: ['M.', 'Mèt'], female: ['Mme', 'Mlle'] },
    streetFormats: ['{n}, {type} {name}', '{type} {name} #{n}', '{name} {m}, {type} {n}'],
    streets: w('Capois Pavée Lamarre Grégoire Clerveaux Faubert Geffrard Montalais Oswald_Durand Delmas'),
    types: w('Rue Avenue Impasse Ruelle'),
    units: ['Apt {n}', 'Étage {n}'],
    cities: w('Port-au-Prince Cap-Haïtien Gonaïves Les_Cayes Jacmel Pétion-Ville Delmas Saint-Marc Jérémie Hinche Port-de-Paix Léogâne'),
    postcodes: ['HT####'],
    phones: ['+509 3# ## ####', '3# ## ####', '+509 2# ## ####', '+509 28 ## #### ext. ##'] },
  { locale: 'haw', group: 'americas_pacific', country: 'USA', region: 'US', postcodeFirst: false, state: 'HI',
    male: w('Keoni Kalani Kainoa Makoa Kekoa Ikaika Keahi Kanoa Kawika Palani Kimo Akoni Iokepa Kaleo Mikala'),
    female: w('Leilani Noelani Malia Kalena Keala Pualani Haunani Kaimana Mahina Ululani Kanani Hōkū Nālani Kehaulani Lokelani'),
    surnames: w('Kahananui Kealoha Akana Kamakau Kahale Kaleikini Makua Kamakana Keawe Nakoa Kanahele Kaʻahumanu Kekumu Kahaleʻole Keliʻi Kapule Kauhane Mahoe Nāone Kamaka Kapaona Kalama Kaniho Kealamakia Palakiko Kekauoha'),
    streetFormats: ['9{m}-{n}{m} {name} {type}', '4{m}-{n} {name} {type}', '{n}{m} {name} {type}'],
    streets: w('Kalanianaʻole Kamehameha Likelike Kapiʻolani Kalākaua Kūhiō Farrington Kaʻahumanu Keʻeaumoku Waiʻalae Puʻuloa'),
    types: w('Hwy St Ave Pl Rd'),
    units: ['Apt {n}', 'Unit {n}', '#{n}'],
    cities: w('Honolulu Hilo Kailua Kāneʻohe Waipahu Pearl_City Kahului Wailuku Kapaʻa Līhuʻe Waimānalo Kailua-Kona'),
    postcodes: ['967##', '968##'],
    phones: ['(808) ###-####', '808-###-####', '+1 808 ### ####', '(808) ###-#### ext. ###'] },
]; // prettier-ignore

export const LOCALE_GROUPS_V3: Record<string, string[]> = {};
for (const s of LOCALE_SPECS_V3) (LOCALE_GROUPS_V3[s.group] ??= []).push(s.locale);
export const V3_LOCALES: string[] = LOCALE_SPECS_V3.map((s) => s.locale);
const BY_LOCALE = new Map(LOCALE_SPECS_V3.map((s) => [s.locale, s]));

export function isV3Locale(locale: string): boolean {
  return BY_LOCALE.has(locale);
}

export function groupOfV3(locale: string): string {
  const s = BY_LOCALE.get(locale);
  if (!s) throw new Error(`not a v3 locale: ${locale}`);
  return s.group;
}

/** The locale source of a v3 locale, seeded per sample (faker's English locale supplies the randomness). */
export function v3Source(locale: string, seed: number): LocaleSource {
  const s = BY_LOCALE.get(locale);
  if (!s) throw new Error(`not a v3 locale: ${locale}`);
  return specSource(s, seed);
}

/** The locale source of a hand-written locale spec (shared by the v3 and v4 locale files). */
export function specSource(s: LocaleSpecV3, seed: number): LocaleSource {
  const locale = s.locale;
  const f = F.fakerEN;
  f.seed(seed);
  const pick: Pick = (xs) => f.helpers.arrayElement(xs);
  const num = (max: number) => String(f.number.int({ min: 1, max }));
  let female = false;
  const given = () => pick(female ? s.female : s.male);
  const family = () => {
    const name = s.surname ? s.surname(pick, female, s) : pick(s.surnames);
    return female && s.feminine ? s.feminine(name) : name;
  };
  const fill = (format: string) =>
    format
      .replace(/\{n\}/g, () => num(160))
      .replace(/\{m\}/g, () => num(9))
      .replace('{name}', () => pick(s.streets))
      .replace('{type}', () => pick(s.types))
      .replace('{area}', () => pick(s.areas ?? s.cities))
      .replace(/ {2,}/g, ' ')
      .trim();
  return {
    locale,
    faker: f,
    // makePerson asks for the first name first: the person's sex is chosen there.
    firstName: () => {
      female = f.datatype.boolean(0.5);
      return s.familyFirst ? family() : given();
    },
    lastName: () => (s.familyFirst ? given() : family()),
    prefix: () => (s.prefixes ? pick(female ? s.prefixes.female : s.prefixes.male) : null),
    buildingStreet: () => fill(pick(s.streetFormats)),
    secondary: () => fill(pick(s.units)),
    city: () => pick(s.cities),
    state: () => s.state ?? null,
    postcode: () => f.helpers.replaceSymbols(pick(s.postcodes)),
    country: () => s.country,
    phone: () => f.helpers.replaceSymbols(pick(s.phones)),
    postcodeFirst: s.postcodeFirst,
    nationalPhoneRegion: s.region,
  };
}
