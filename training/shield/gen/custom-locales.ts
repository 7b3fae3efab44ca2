/**
 * Small locales faker lacks, written for this project: Icelandic, Estonian and romanized Japanese.
 * All three are held-out locales (locales.ts); they exist to test names and addresses the detectors
 * were never tuned on.
 */
import type { Faker } from '@faker-js/faker';

type Pick = <T>(xs: readonly T[]) => T;

export interface CustomLocale {
  locale: string;
  firstName(pick: Pick): string;
  lastName(pick: Pick): string;
  street(pick: Pick, f: Faker): string;
  secondary?(pick: Pick, f: Faker): string;
  cities: readonly string[];
  postcodeFormat: string; // faker replaceSymbols: # digit, ? letter
  phoneFormats: readonly string[];
}

const words = (s: string) => s.split(/\s+/).filter(Boolean);

// Icelandic: given name + patronymic (father's name in the genitive + son / dóttir).
const IS_MALE = words(
  'Jón Sigurður Guðmundur Gunnar Ólafur Einar Kristján Magnús Stefán Jóhann Björn Arnar Helgi Halldór Bjarni Þórður Ragnar Páll Haraldur Ásgeir Hjörtur Eiríkur Snorri Hallgrímur Davíð Egill Þorsteinn Kári Atli Sveinbjörn',
);
const IS_FEMALE = words(
  'Guðrún Anna Kristín Sigríður Margrét Helga Sigrún Ingibjörg Jóhanna María Katrín Ásta Hildur Bryndís Þóra Ragnheiður Elín Halla Auður Steinunn Birna Sólveig Edda Hrafnhildur Vigdís Jórunn',
);
const IS_FATHER = words(
  'Jóns Sigurðs Guðmunds Gunnars Ólafs Einars Kristjáns Magnús Stefáns Björns Helga Halldórs Bjarna Þórðar Ragnars Páls Haralds Eiríks Þorsteins Hallgríms Egils Sveins Árna Hjálmars Snorra Ásgeirs Kára',
);
let isFemale = false;

// Estonian.
const ET_GIVEN = words(
  'Mart Jaan Toomas Andres Tõnu Peeter Margus Rein Urmas Indrek Priit Kalev Raivo Siim Rasmus Kristjan Marko Ülo Aivar Mari Tiina Kadri Anu Triin Liis Kersti Pille Maarja Ene Helle Katrin Eha Reet Kärt Merle Piret Ülle Siiri',
);
const ET_SURNAMES = words(
  'Tamm Saar Sepp Mägi Kask Kukk Rebane Ilves Pärn Koppel Lepik Kuusk Karu Oja Raudsepp Vaher Lõhmus Kallas Kivi Laur Mets Jõgi Põder Luik Org Kangur Teder Lill Väli Uibo Ots Sarapuu Tamme Kuusik Vares',
);
const ET_STREETS = words(
  'Pärnu Narva Tartu Kalda Metsa Kooli Pargi Vabriku Jõe Mere Aia Kase Männi Kuuse Sõpruse Lille Põllu Rannamõisa Kadaka Liiva Päikese Tuule Lepa Vahtra Kaare Nurme',
);
const ET_TYPES = ['tänav', 'tn', 'maantee', 'mnt', 'tee', 'põik', 'puiestee', 'pst'];

// Romanized Japanese.
const JA_GIVEN = words(
  'Haruto Yuto Sota Yuki Hayato Haruki Ren Takumi Kaito Riku Daiki Kenji Hiroshi Takeshi Akira Satoshi Kazuki Shota Naoki Ryota Yui Aoi Hina Sakura Yuna Mio Rin Saki Ayaka Misaki Nanami Haruka Emi Yoko Keiko Kaori Megumi Tomoko',
);
const JA_SURNAMES = words(
  'Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Yamazaki Mori Abe Ikeda Hashimoto Ishikawa Ogawa Okada Hasegawa Fujita Goto Kondo Murakami Endo Aoki Sakamoto Nishimura Fukuda Miura Okamoto Matsuda Nakagawa Harada Tamura Takeuchi Kaneko Wada Nakayama Ishii Ueda Morita Shibata Sakai Kudo Yokoyama Miyazaki Uchida Takagi Ando Taniguchi Maruyama Imai Fujiwara Murata Takeda Sugiyama Masuda Hirano Kikuchi',
);
const JA_AREAS = words('Jingumae Ebisu Nishi-Shinjuku Akasaka Hongo Umeda Sakae Tenjin Motomachi Kita-Aoyama Minami-Azabu Higashi-Ikebukuro Kichijoji Nakanoshima');
const JA_WARDS = words('Shibuya Shinjuku Minato Chuo Bunkyo Kita Naka Sakyo Higashiyama Toshima Setagaya Meguro');

export const CUSTOM_LOCALES: CustomLocale[] = [
  {
    locale: 'is',
    firstName: (pick) => {
      isFemale = pick([true, false]);
      return pick(isFemale ? IS_FEMALE : IS_MALE);
    },
    lastName: (pick) => pick(IS_FATHER) + (isFemale ? 'dóttir' : 'son'),
    street: (pick, f) =>
      `${pick(words('Lauga Hverfis Borgar Hafnar Kirkju Bakka Hring Miklu Sól Fells Holts Reykja Skeiðar Álfa Hlíðar Tjarnar'))}${pick(
        words('vegur gata braut stræti stígur tún holt hlíð'),
      )} ${f.number.int({ min: 1, max: 140 })}`,
    cities: words('Reykjavík Kópavogur Hafnarfjörður Akureyri Reykjanesbær Garðabær Mosfellsbær Akranes Selfoss Ísafjörður Egilsstaðir Húsavík'),
    postcodeFormat: '###',
    phoneFormats: ['### ####', '+354 ### ####', '+354 ###-####', '###-####'],
  },
  {
    locale: 'et',
    firstName: (pick) => pick(ET_GIVEN),
    lastName: (pick) => pick(ET_SURNAMES),
    street: (pick, f) => {
      const n = f.number.int({ min: 1, max: 190 });
      const flat = f.datatype.boolean(0.3) ? `-${f.number.int({ min: 1, max: 60 })}` : '';
      return `${pick(ET_STREETS)} ${pick(ET_TYPES)} ${n}${flat}`;
    },
    secondary: (pick, f) => `korter ${f.number.int({ min: 1, max: 80 })}`,
    cities: words('Tallinn Tartu Narva Pärnu Kohtla-Järve Viljandi Rakvere Maardu Kuressaare Sillamäe Valga Võru Jõhvi Haapsalu Keila Paide'),
    postcodeFormat: '#####',
    phoneFormats: ['5### ####', '+372 5### ####', '6## ####', '+372 6## ####'],
  },
  {
    locale: 'ja_Latn',
    firstName: (pick) => pick(JA_GIVEN),
    lastName: (pick) => pick(JA_SURNAMES),
    street: (pick, f) =>
      `${f.number.int({ min: 1, max: 9 })}-${f.number.int({ min: 1, max: 30 })}-${f.number.int({ min: 1, max: 20 })} ${pick(JA_AREAS)}, ${pick(JA_WARDS)}-ku`,
    secondary: (pick, f) => `Room ${f.number.int({ min: 101, max: 1205 })}`,
    cities: words('Tokyo Osaka Kyoto Yokohama Nagoya Sapporo Fukuoka Kobe Sendai Hiroshima'),
    postcodeFormat: '###-####',
    phoneFormats: ['03-####-####', '090-####-####', '+81 90-####-####', '06-####-####', '+81 3-####-####'],
  },
];
