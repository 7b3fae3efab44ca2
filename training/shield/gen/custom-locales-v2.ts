/**
 * Small locales of the second held-out split (v2), written for this project: name, street and city
 * lists of languages no locale of v1 covers (most faker lacks; Cyrillic, Georgian and Armenian ones are
 * transliterated by locales.ts). They are used only for the v2 held-out set, never for training,
 * tuning or threshold choice.
 */
import type { Faker } from '@faker-js/faker';
import type { CustomLocale } from './custom-locales';

type Pick = <T>(xs: readonly T[]) => T;
const words = (s: string) => s.split(/\s+/).filter(Boolean);
/** Names, streets and cities with spaces are written with `_` in the lists below. */
const spaced = (s: string) => s.replace(/_/g, ' ');

type StreetStyle = 'name-type-num' | 'type-name-num' | 'num-name-type' | 'num-type-name' | 'name-type, num';

interface Spec {
  locale: string;
  given: string;
  surnames: string;
  streets: string;
  types: string;
  style: StreetStyle;
  cities: string;
  postcode: string;
  phones: string[];
  unit?: string; // "kv. #" style, # = number
  /** Surname built from the father's given name (Central Asian "-ov/-ova"): the given list is reused. */
  surname?: (pick: Pick) => string;
}

function street(style: StreetStyle, name: string, type: string, n: number): string {
  switch (style) {
    case 'name-type-num':
      return `${name} ${type} ${n}`;
    case 'type-name-num':
      return `${type} ${name} ${n}`;
    case 'num-name-type':
      return `${n} ${name} ${type}`;
    case 'num-type-name':
      return `${n} ${type} ${name}`;
    case 'name-type, num':
      return `${name} ${type}, ${n}`;
  }
}

function build(s: Spec): CustomLocale {
  const given = words(s.given);
  const surnames = words(s.surnames);
  const streets = words(s.streets);
  const types = s.types.split('|');
  return {
    locale: s.locale,
    firstName: (pick) => spaced(pick(given)),
    lastName: (pick) => spaced(s.surname ? s.surname(pick) : pick(surnames)),
    street: (pick: Pick, f: Faker) => street(s.style, spaced(pick(streets)), pick(types), f.number.int({ min: 1, max: 180 })),
    secondary: s.unit ? (_pick: Pick, f: Faker) => s.unit!.replace('#', String(f.number.int({ min: 1, max: 120 }))) : undefined,
    cities: words(s.cities).map(spaced),
    postcodeFormat: s.postcode,
    phoneFormats: s.phones,
  };
}

const SPECS: Spec[] = [
  // turkic
  {
    locale: 'kk_Latn',
    given: 'Nursultan Yerlan Askar Daulet Arman Baurzhan Timur Azamat Nurlan Serik Marat Yerzhan Dias Alibek Aidos Aigerim Dinara Aliya Gulnara Saule Zhanar Madina Aizhan Assel Kamila Ainur Botagoz Zarina Akmaral Dana',
    surnames: '',
    surname: (pick) =>
      pick(words('Nurlan Serik Marat Bolat Kairat Yerlan Zhaksylyk Temir Abay Beken Tokhtar Sapar Ermek Omar Dzhumabay Kuanysh Myrzakhmet')) +
      pick(['ov', 'ova', 'uly', 'kyzy', 'bayev', 'bayeva']),
    streets: 'Abaya Dostyk Kabanbay_Batyra Tole_Bi Satpayeva Zheltoksan Nazarbayeva Seyfullina Baytursynova Auezova Kunayeva Turan Respubliki',
    types: 'kóshesi|dangyly|ul.|prospekt',
    style: 'name-type, num',
    cities: 'Almaty Astana Shymkent Karaganda Aktobe Taraz Pavlodar Oskemen Semey Kostanay Kyzylorda Atyrau',
    postcode: 'A##D#T#',
    phones: ['+7 7## ### ## ##', '87## ### ## ##', '+7 (7##) ###-##-##'],
    unit: 'pater #',
  },
  {
    locale: 'ky_Latn',
    given: 'Almazbek Bakyt Nurbek Kubanychbek Ulan Azamat Chyngyz Emil Bektur Adilet Aibek Talant Cholpon Aizada Nurzhan Gulzat Mairam Begaiym Aidana Elmira Jyldyz Aisuluu Saltanat Kanykei',
    surnames: 'Abdrakhmanov Asanbekova Toktogulov Sydykova Zheenbekov Atambaeva Osmonaliev Isakova Sadyrov Kurmanbekova Bakiev Usenova Akmatov Dzhumabekova Tashiev Mamytova Omurbekov Suerkulova',
    streets: 'Chuy Manasa Kievskaya Toktogula Ibraimova Moskovskaya Frunze Jibek_Jolu Sovetskaya Akhunbaeva Isanova',
    types: 'köchösü|prospekti|ul.',
    style: 'name-type-num',
    cities: 'Bishkek Osh Jalal-Abad Karakol Tokmok Naryn Talas Batken Kara-Balta Uzgen',
    postcode: '7200##',
    phones: ['+996 555 ### ###', '0700 ### ###', '+996 (312) ##-##-##'],
    unit: 'kv. #',
  },
  {
    locale: 'tk',
    given: 'Myrat Serdar Döwlet Batyr Merdan Rustam Aýdogdy Maksat Begenç Kerim Jeren Ogulgerek Aýna Maýsa Gülşat Läle Bahar Mähri Aýgözel Selbi',
    surnames: 'Annaýew Berdiýewa Garaýew Orazowa Hojamuhammedow Atabaýewa Durdyýew Nurmuhammedowa Saparow Gurbanowa Öwezow Amanowa Meredow Rejepowa Çaryýew Ataýewa',
    streets: 'Magtymguly Görogly Azady Bitarap_Türkmenistan Oguzhan Atatürk Garaşsyzlyk Archabil Andalyp Gerogly',
    types: 'köçesi|şaýoly|ýoly',
    style: 'name-type-num',
    cities: 'Aşgabat Türkmenabat Daşoguz Mary Balkanabat Türkmenbaşy Tejen Baýramaly Serdar',
    postcode: '7440##',
    phones: ['+993 6# ######', '8 6# ## ## ##', '+993 12 ## ## ##'],
    unit: 'jaý #',
  },
  {
    locale: 'tt_Latn',
    given: 'Ilnur Rustem Almaz Ildar Marat Rinat Aydar Ilgiz Fanis Radik Timerkhan Alsu Gulnaz Liliya Aigul Leysan Ramilya Gulshat Elmira Dilyara Chulpan Alina',
    surnames: 'Gabdullin Khairullina Nigmatullin Safina Valiullin Galiyeva Mingazov Zaripova Fatkullin Shakirova Sabirov Mukhametshina Garipov Nurullina Yusupov Akhmetova Khisamov Sadykova',
    streets: 'Baumana Pushkina Kremlyovskaya Tukaya Dzhalilya Kaban Zakiyeva Chistopolskaya Gabdully_Tukaya Vishnevskogo',
    types: 'uramy|ul.|urami',
    style: 'name-type, num',
    cities: 'Kazan Naberezhnye_Chelny Almetyevsk Nizhnekamsk Zelenodolsk Bugulma Yelabuga Chistopol Leninogorsk',
    postcode: '420###',
    phones: ['+7 9## ###-##-##', '8 (843) ###-##-##', '+7 843 ### ## ##'],
    unit: 'fatir #',
  },
  // asia
  {
    locale: 'th_Latn',
    given: 'Somchai Somsak Anan Prasert Wichai Suchart Thanawat Kittisak Nattapong Chaiwat Pongsakorn Siriporn Malee Kanya Ratana Sunisa Wanida Pimchanok Nanthana Kanokwan Supaporn Duangjai',
    surnames: 'Saetang Srisuk Chaiyaporn Thongdee Wongsawat Rattanakorn Boonmee Kaewmanee Sukhontha Phromwong Jaidee Charoenphon Siripanich Suwannarat Kongkaew Intharasombat Nakprasit Chantarasap',
    streets: 'Sukhumvit Ratchadaphisek Phahonyothin Silom Rama_IV Charoen_Krung Lat_Phrao Ramkhamhaeng Sathorn Phetchaburi',
    types: 'Road|Soi|Thanon',
    style: 'num-name-type',
    cities: 'Bangkok Chiang_Mai Khon_Kaen Hat_Yai Nakhon_Ratchasima Udon_Thani Phuket Pattaya Nonthaburi Chonburi',
    postcode: '10###',
    phones: ['+66 8# ### ####', '08#-###-####', '02-###-####'],
    unit: 'Room #',
  },
  {
    locale: 'ms_MY',
    given: 'Ahmad Muhammad Faizal Hafiz Azman Zulkifli Shahrul Amirul Izzat Hakim Nurul Siti Aishah Farah Nur_Aina Hidayah Syafiqah Amira Zarina Liyana Aqilah',
    surnames: 'bin_Abdullah binti_Ismail bin_Hassan binti_Rahman bin_Yusof binti_Osman bin_Ibrahim binti_Kamarudin bin_Ahmad binti_Salleh bin_Mohd_Noor binti_Zainal bin_Hamzah binti_Jamaluddin',
    streets: 'Tun_Razak Ampang Bukit_Bintang Sultan_Ismail Raja_Laut Pahang Ipoh Klang_Lama Bangsar Tun_Sambanthan',
    types: 'Jalan|Lorong|Persiaran',
    style: 'num-type-name',
    cities: 'Kuala_Lumpur Petaling_Jaya Shah_Alam Johor_Bahru Ipoh Kuching Kota_Kinabalu Melaka Seremban Kuantan',
    postcode: '5####',
    phones: ['+60 1#-### ####', '01#-### ####', '03-#### ####'],
    unit: 'Unit #-#',
  },
  {
    locale: 'ko_Latn',
    given: 'Minjun Seojun Doyun Jiho Hajun Junwoo Hyunwoo Jihoon Sungmin Taeyang Seoyeon Jiwoo Seoyun Jimin Haeun Sujin Yejin Minji Eunji Dahye Soyeon Hyejin',
    surnames: 'Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Jeon Hong Yoo Ko Moon Yang Son Bae Baek Heo Nam',
    streets: 'Teheran Sejong Gangnam Olympic Dosan Eulji Toegye Hangang Yeoksam Apgujeong',
    types: 'ro|daero|gil',
    style: 'name-type-num',
    cities: 'Seoul Busan Incheon Daegu Daejeon Gwangju Ulsan Suwon Seongnam Goyang Changwon',
    postcode: '0####',
    phones: ['+82 10-####-####', '010-####-####', '02-###-####'],
    unit: '#dong #ho',
  },
  {
    locale: 'zh_Latn',
    given: 'Wei Fang Lei Jing Min Jun Yang Hui Xiaoming Zhiwei Jianguo Haoran Yuxuan Zihan Xinyi Yutong Mengyao Shuang Lihua Qiang Tao Chen_Yu Xiu Ying',
    surnames: 'Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng Liang Xie Song Tang Deng Feng Han Cao Peng',
    streets: 'Nanjing Huaihai Chang_an Zhongshan Jiefang Renmin Heping Jianguo Xinhua Dongfeng',
    types: 'Road|Lu|Street|Dajie',
    style: 'num-name-type',
    cities: 'Shanghai Beijing Guangzhou Shenzhen Hangzhou Chengdu Wuhan Nanjing Tianjin Suzhou Xiamen',
    postcode: '2000##',
    phones: ['+86 13# #### ####', '138 #### ####', '010-#### ####'],
    unit: 'Room #0#',
  },
  {
    locale: 'hi_Latn',
    given: 'Aarav Vivaan Aditya Arjun Rohan Rahul Amit Vikram Sanjay Rajesh Kunal Manish Priya Ananya Sneha Pooja Kavya Neha Divya Shruti Meera Anjali Ritu Sunita',
    surnames: 'Sharma Verma Gupta Agarwal Srivastava Mishra Tiwari Pandey Chauhan Yadav Saxena Tripathi Dubey Shukla Bhatnagar Malhotra Kapoor Mehrotra Chaturvedi Dwivedi Rastogi Awasthi',
    streets: 'Gandhi Nehru Tilak Ashok Rajpath Hazratganj Lajpat Shastri Subhash Patel',
    types: 'Marg|Nagar|Road|Chowk',
    style: 'num-name-type',
    cities: 'Lucknow Kanpur Varanasi Jaipur Bhopal Indore Patna Agra Prayagraj Dehradun',
    postcode: '2260##',
    phones: ['+91 9#### #####', '09#########', '0522 ### ####'],
    unit: 'Flat #',
  },
  {
    locale: 'ta_Latn',
    given: 'Karthik Senthil Murugan Arun Vignesh Saravanan Balaji Prakash Dinesh Ganesh Selvam Lakshmi Priya Kavitha Meena Deepa Revathi Anitha Malathi Gayathri Sangeetha Vasuki',
    surnames: 'Subramanian Ramasamy Krishnan Palanisamy Natarajan Venkatesan Rajendran Annamalai Sundaram Murugesan Chidambaram Arumugam Thangavel Kandasamy Periyasamy Elangovan Manickam',
    streets: 'Anna_Salai Mount Poonamallee_High Usman Nungambakkam Kamarajar Periyar Avinashi Rajaji Bharathi',
    types: 'Road|Salai|Street',
    style: 'num-name-type',
    cities: 'Chennai Coimbatore Madurai Tiruchirappalli Salem Tirunelveli Vellore Erode Thanjavur',
    postcode: '6000##',
    phones: ['+91 94### #####', '044 #### ####', '98### #####'],
    unit: 'Door No. #',
  },
  {
    locale: 'fil',
    given: 'Jose Juan Mark_Anthony Jericho Rodel Jhun Ramil Noel Arnel Dodong Angelica Maricel Rosalie Lorna Jocelyn Marites Kristine Divina Ligaya Analyn',
    surnames: 'Dela_Cruz Santos Reyes Bautista Mendoza Villanueva Ramos Aquino Castillo Macaraeg Dimaculangan Manalo Pangilinan Lacson Sison Tolentino Mercado Gatchalian Magsaysay Panganiban',
    streets: 'Rizal Mabini Bonifacio Quezon Taft Aurora Katipunan Ortigas Shaw Magallanes',
    types: 'Street|Avenue|Boulevard',
    style: 'num-name-type',
    cities: 'Quezon_City Manila Makati Pasig Cebu_City Davao_City Caloocan Taguig Iloilo_City Baguio',
    postcode: '1###',
    phones: ['+63 9## ### ####', '09## ### ####', '(02) 8### ####'],
    unit: 'Unit #B',
  },
  {
    locale: 'mn_Latn',
    given: 'Batbayar Ganbold Enkhbayar Bold Temuujin Munkh-Erdene Tsogt Sukhbaatar Erdene Batjargal Oyuun Enkhjargal Solongo Nomin Sarangerel Tsetseg Altantsetseg Khulan Uranchimeg Bolormaa',
    surnames: 'Batbayar Gantulga Dorjsuren Tsedenbal Purevdorj Naranbaatar Lkhagvasuren Chuluunbat Ochirbat Enkhtuya Baasanjav Davaadorj Sodnom Myagmar Tumurbaatar',
    streets: 'Peace Chinggis Seoul Olympic Baga_Toiruu Ikh_Toiruu Sukhbaatar Zaluuchuud Juulchin',
    types: 'gudamj|Avenue|Street',
    style: 'name-type-num',
    cities: 'Ulaanbaatar Erdenet Darkhan Choibalsan Murun Khovd Bayankhongor Arvaikheer',
    postcode: '14###',
    phones: ['+976 99## ####', '88## ####', '+976 11 ######'],
    unit: 'toot #',
  },
  // east_europe
  {
    locale: 'lt',
    given: 'Jonas Tomas Mantas Lukas Darius Vytautas Rokas Gintaras Andrius Mindaugas Rimantas Eglė Rūta Ieva Gabija Aušra Jurgita Vilma Giedrė Rasa Indrė Dalia Laima',
    surnames: 'Kazlauskas Jankauskas Petrauskas Stankevičius Vasiliauskas Žukauskas Butkus Paulauskas Urbonas Kavaliauskas Kazlauskienė Petrauskienė Jankauskaitė Balčiūnas Navickas Ramanauskas Sadauskas Mockus Bernotas Dambrauskaitė',
    streets: 'Gedimino Vilniaus Pilies Konstitucijos Savanorių Laisvės Ukmergės Žalgirio Kalvarijų Basanavičiaus Didžioji Taikos',
    types: 'g.|pr.|gatvė|al.',
    style: 'name-type-num',
    cities: 'Vilnius Kaunas Klaipėda Šiauliai Panevėžys Alytus Marijampolė Mažeikiai Jonava Utena',
    postcode: 'LT-#####',
    phones: ['+370 6## #####', '8 6## #####', '+370 5 ### ####'],
    unit: 'butas #',
  },
  {
    locale: 'sq',
    given: 'Arben Besnik Dritan Ermal Fatmir Gentian Ilir Klodian Luan Sokol Erion Arta Blerta Drita Elira Fatjona Jonida Mirela Rezarta Teuta Vjollca Anila',
    surnames: 'Hoxha Shehu Dervishi Leka Gjoka Krasniqi Berisha Kola Çela Hysa Basha Mema Rama Meta Topalli Bregu Gashi Kelmendi Prifti Xhafa',
    streets: 'Dëshmorët_e_Kombit Myslym_Shyri Ismail_Qemali Durrësit Kavajës Elbasanit Barrikadave Sami_Frashëri Abdi_Toptani',
    types: 'Rruga|Bulevardi',
    style: 'type-name-num',
    cities: 'Tiranë Durrës Vlorë Shkodër Elbasan Korçë Fier Berat Lushnjë Prishtinë',
    postcode: '10##',
    phones: ['+355 6# ### ####', '06# ### ####', '+355 4 ### ####'],
    unit: 'Ap. #',
  },
  {
    locale: 'bg_Latn',
    given: 'Georgi Dimitar Ivan Nikolay Hristo Stoyan Todor Petar Angel Krasimir Vasil Maria Ivanka Elena Yordanka Desislava Ralitsa Tsvetelina Gergana Boryana Milena Radostina',
    surnames: 'Ivanov Georgieva Dimitrov Petrova Nikolov Hristova Stoyanov Todorova Angelov Atanasova Vasilev Iliev Popova Kolev Marinova Yordanov Tsvetkova Stefanov Mihaylova Penchev',
    streets: 'Vitosha Tsar_Osvoboditel Rakovski Graf_Ignatiev Shipka Patriarh_Evtimiy Aleksandar_Stamboliyski Knyaz_Boris_I Slivnitsa Vasil_Levski',
    types: 'ul.|bul.',
    style: 'type-name-num',
    cities: 'Sofia Plovdiv Varna Burgas Ruse Stara_Zagora Pleven Sliven Dobrich Shumen',
    postcode: '1###',
    phones: ['+359 88 ### ####', '089 ### ####', '02 ### ####'],
    unit: 'et. #',
  },
  // africa
  {
    locale: 'ha',
    given: 'Abubakar Musa Ibrahim Usman Sani Aminu Bashir Lawal Nasiru Yakubu Garba Haruna Aisha Hauwa Zainab Fatima Hadiza Maryam Amina Rakiya Halima Bilkisu',
    surnames: 'Danjuma Bello Abdullahi Mohammed Dikko Gwadabe Kwankwaso Shekarau Dantata Bichi Kano Yar’Adua Dangote Sokoto Tukur Magaji Rimi Gumi',
    streets: 'Zoo Murtala_Mohammed Ahmadu_Bello Bompai France Club Maiduguri Hadejia Sultan Katsina',
    types: 'Road|Way|Street',
    style: 'num-name-type',
    cities: 'Kano Kaduna Zaria Katsina Sokoto Bauchi Gombe Dutse Birnin_Kebbi Maiduguri',
    postcode: '7#0###',
    phones: ['+234 80# ### ####', '080# ### ####', '+234 70# ### ####'],
    unit: 'Flat #',
  },
  {
    locale: 'sw',
    given: 'Baraka Juma Hamisi Athumani Rashidi Omari Jabari Kato Mosi Issa Neema Rehema Zawadi Imani Amani Faraja Upendo Furaha Saida Mwanaidi Halima Tumaini',
    surnames: 'Mwangi Otieno Kamau Wanjiru Ochieng Njoroge Mutua Kiprotich Mwakasege Mrema Kimaro Massawe Shirima Mollel Magufuli Kikwete Nyerere Mkapa Msuya Lyimo',
    streets: 'Kenyatta Moi Uhuru Haile_Selassie Ngong Mombasa Morogoro Samora Nyerere Bibi_Titi',
    types: 'Avenue|Road|Street|Barabara',
    style: 'name-type-num',
    cities: 'Nairobi Mombasa Kisumu Nakuru Eldoret Dar_es_Salaam Arusha Dodoma Mwanza Zanzibar',
    postcode: '00###',
    phones: ['+254 7## ### ###', '07## ### ###', '+255 7## ### ###'],
    unit: 'Nyumba #',
  },
  {
    locale: 'am_Latn',
    given: 'Abebe Tesfaye Alemu Girma Dawit Bekele Yohannes Tadesse Getachew Haile Mulugeta Kebede Almaz Tigist Meseret Selamawit Hiwot Bethlehem Mahlet Tsehay Genet Aster',
    surnames: 'Abebe Tesfaye Alemu Girma Bekele Tadesse Getachew Haile Mengistu Wolde Gebremedhin Asfaw Kebede Desta Worku Ayele Mekonnen Demissie Tefera Gebreyes',
    streets: 'Bole Churchill Africa Menelik_II Ras_Desta Haile_Gebrselassie Cameroon Mexico Arat_Kilo Piassa',
    types: 'Road|Avenue|Street',
    style: 'name-type, num',
    cities: 'Addis_Ababa Dire_Dawa Mekelle Gondar Bahir_Dar Hawassa Adama Jimma Dessie Harar',
    postcode: '1###',
    phones: ['+251 9## ### ###', '09## ### ###', '011 ### ####'],
    unit: 'House No. #',
  },
  {
    locale: 'ig',
    given: 'Chinedu Emeka Obinna Ikechukwu Chukwuemeka Nnamdi Uchenna Kelechi Ifeanyi Chibuike Ngozi Adaeze Chiamaka Nneka Obiageli Chinwe Uchechi Amarachi Ifeoma Ogechi',
    surnames: 'Okafor Okonkwo Eze Nwosu Obi Nwachukwu Okeke Chukwu Onyekachi Ugwu Anyanwu Nnadi Okoro Ibekwe Ezeani Ogbonna Nwankwo Ekwueme Iwuala Mbah',
    streets: 'Ogui Zik Okpara Agbani Chime Nnamdi_Azikiwe Aba Owerri Wetheral Douglas',
    types: 'Road|Avenue|Street|Close',
    style: 'num-name-type',
    cities: 'Enugu Onitsha Owerri Awka Aba Umuahia Nsukka Abakaliki Nnewi Orlu',
    postcode: '4#0###',
    phones: ['+234 81# ### ####', '081# ### ####', '+234 90# ### ####'],
    unit: 'Flat #',
  },
  // west_europe
  {
    locale: 'ca',
    given: 'Jordi Pere Joan Josep Marc Pau Arnau Oriol Xavier Jaume Quim Montserrat Núria Laia Mireia Meritxell Roser Anna Berta Queralt Carme Neus',
    surnames: 'Puig Vila Soler Ferrer Serra Vidal Font Roca Casals Pujol Riera Bosch Sala Camps Prat Vilaseca Rovira Figueras Vendrell Coll',
    streets: 'Major Sant_Joan Diagonal Aragó Balmes Pau_Claris Gràcia Sants Migdia Muntaner',
    types: 'Carrer|Avinguda|Passeig|Rambla',
    style: 'type-name-num',
    cities: 'Barcelona Girona Lleida Tarragona Sabadell Terrassa Reus Manresa Vic Figueres',
    postcode: '08###',
    phones: ['+34 6## ## ## ##', '93# ## ## ##', '6## ### ###'],
    unit: '#r 2a',
  },
  {
    locale: 'eu',
    given: 'Iñaki Aitor Gorka Unai Mikel Jon Ander Eneko Asier Xabier Iker Ainhoa Amaia Nerea Leire Maite Garazi Itziar Edurne Arantxa Miren Irati',
    surnames: 'Etxeberria Agirre Goikoetxea Urrutia Zubizarreta Arrieta Olaizola Iturralde Gorostiza Elizondo Larrañaga Mendizabal Bengoetxea Azkarate Otxoa Uriarte Zabaleta Garmendia',
    streets: 'Kale_Nagusia Gran_Vía Autonomia Zumalakarregi Askatasun Foruen Bidebarrieta Errekalde Urbieta',
    types: 'kalea|etorbidea|plaza',
    style: 'name-type, num',
    cities: 'Bilbo Donostia Gasteiz Iruñea Barakaldo Getxo Irun Eibar Durango Tolosa',
    postcode: '48###',
    phones: ['+34 6## ### ###', '94# ## ## ##', '+34 943 ## ## ##'],
    unit: '#. eskuina',
  },
  // nordic
  {
    locale: 'fo',
    given: 'Jógvan Hans Óli Rógvi Símun Tróndur Sjúrður Jákup Heðin Bárður Poul Elin Sólrun Turið Marjun Guðrun Rannvá Sigrid Bjørg Randi Ragna Fríðrikka',
    surnames: 'Joensen Hansen Jacobsen Olsen Petersen Poulsen Johannesen Rasmussen Djurhuus Dahl Mortensen Nolsøe Patursson Niclasen Højgaard Mikkelsen Thomsen Lamhauge',
    streets: 'Niels_Finsens Jónas_Broncks Dr._Jakobsens Tórsgøta Varðagøta Áarvegur Hoydalsvegur Landavegur Bøgøta Kongabrúgvin',
    types: 'gøta|vegur|gøta',
    style: 'name-type-num',
    cities: 'Tórshavn Klaksvík Runavík Tvøroyri Fuglafjørður Vágur Miðvágur Sandavágur Vestmanna',
    postcode: '###',
    phones: ['+298 ## ## ##', '## ## ##', '+298 ######'],
    unit: '#. hædd',
  },
  // anglo
  {
    locale: 'en_NZ',
    given: 'Wiremu Tane Rangi Hemi Nikau Manaia Tama Kahu Ari Mikaere Aroha Mere Anahera Kiri Hana Ngaio Moana Huia Marama Awhina Liam Charlotte',
    surnames: 'Ngata Parata Te_Whata Tamihana Walker Horomona Karaka Rewi Herewini Ruawai Te_Rangi Pomare Tuhiwai Marsden Ngawhika Heke Tipene Whaanga',
    streets: 'Karangahape Ponsonby Tamaki Dominion Remuera Cuba Tory Manners Riccarton Hereford',
    types: 'Road|Street|Terrace|Drive',
    style: 'num-name-type',
    cities: 'Auckland Wellington Christchurch Hamilton Tauranga Dunedin Rotorua Whangārei Napier Gisborne',
    postcode: '####',
    phones: ['+64 21 ### ####', '021 ### ####', '(09) ### ####'],
    unit: 'Flat #',
  },
  {
    locale: 'ga_IE',
    given: 'Oisín Cian Tadhg Fionn Darragh Ruairí Pádraig Seosamh Eoghan Cathal Donncha Aoife Caoimhe Niamh Saoirse Siobhán Gráinne Clodagh Sadhbh Aisling Róisín Orlaith',
    surnames: 'Ó_Briain Mac_Cárthaigh Ó_Súilleabháin Ní_Dhomhnaill Mac_Giolla_Phádraig Ó_Néill Ní_Bhriain Ó_Ceallaigh Mac_Mathúna Ó_Dónaill Ní_Fhlaithearta Ó_Conchúir Mac_Suibhne Breathnach Seoighe',
    streets: 'Shráid_an_Mhuilinn Bóthar_na_Trá Ascaill_Uí_Chonaill Bóthar_an_Chaisleáin Sráid_Doiminic Cé_na_Coiribe',
    types: 'Uimh.|No.',
    style: 'num-type-name',
    cities: 'Gaillimh Corcaigh Baile_Átha_Cliath Luimneach Port_Láirge Cill_Airne Leitir_Ceanainn Daingean_Uí_Chúis',
    postcode: 'H91 ?#??',
    phones: ['+353 8# ### ####', '08# ### ####', '091 ### ###'],
    unit: 'Árasán #',
  },
  // latam
  {
    locale: 'es_AR',
    given: 'Santiago Mateo Facundo Nicolás Lautaro Joaquín Agustín Tomás Gonzalo Matías Ezequiel Valentina Camila Florencia Agustina Micaela Milagros Rocío Luciana Julieta Martina',
    surnames: 'Bianchi Ferraro Romano Gallardo Sosa Acosta Benítez Gutiérrez Rossi Carrizo Quiroga Ledesma Aguirre Molina Ponce Villalba Figueroa Medina Giménez Coronel',
    streets: 'Corrientes Santa_Fe Rivadavia Callao Florida Belgrano Córdoba Cabildo Pueyrredón Libertador',
    types: 'Av.|Avenida|Calle',
    style: 'type-name-num',
    cities: 'Buenos_Aires Córdoba Rosario Mendoza La_Plata Mar_del_Plata Salta Tucumán Neuquén Bariloche',
    postcode: 'C####???',
    phones: ['+54 9 11 ####-####', '011 ####-####', '15-####-####'],
    unit: 'Piso #, Depto B',
  },
  {
    locale: 'es_CO',
    given: 'Juan_Camilo Andrés_Felipe Sebastián Alejandro Julián Esteban Santiago Jhon Duván Yeison María_José Daniela Valentina Paola Natalia Yuliana Catalina Lorena Marcela Viviana',
    surnames: 'Rodríguez Gómez Restrepo Ospina Zuluaga Cardona Montoya Arango Londoño Giraldo Valencia Castaño Henao Betancur Quintero Muñoz Rendón Salazar Tabares Echeverri',
    streets: '45 72 100 26 19 80 13 7 68 116',
    types: 'Calle|Carrera|Avenida|Diagonal',
    style: 'type-name-num',
    cities: 'Bogotá Medellín Cali Barranquilla Cartagena Bucaramanga Pereira Manizales Santa_Marta Ibagué',
    postcode: '11####',
    phones: ['+57 3## ### ####', '3## ### ####', '(601) ### ####'],
    unit: 'Apto #',
  },
];

/** es_CO streets read "Calle 45 # 12-30": the house number joins the cross street. */
export const CUSTOM_LOCALES_V2: CustomLocale[] = SPECS.map((s) => {
  const c = build(s);
  if (s.locale !== 'es_CO') return c;
  return { ...c, street: (pick: Pick, f: Faker) => `${pick(s.types.split('|'))} ${pick(words(s.streets))} # ${f.number.int({ min: 1, max: 120 })}-${f.number.int({ min: 1, max: 99 })}` };
});
