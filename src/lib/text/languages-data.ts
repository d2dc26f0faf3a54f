// Languages people in Danish mentor schemes speak. Pure data. Codes are ISO 639-1 where one
// exists, otherwise ISO 639-3 (BCP 47 uses the same rule, so the codes work with Intl too):
//   prs = Dari, kept apart from fa (Farsi/Iranian Persian) because mentees name them apart;
//   ckb = Sorani and kmr = Kurmanji, the two big Kurdish languages; plain "kurdisk" → ku.
// `names` holds other spellings and the language's own name; the Danish and English names in
// `da`/`en` are matched too.

export interface LanguageDef {
  code: string;
  da: string;
  en: string;
  names: readonly string[];
}

export const LANGUAGES: readonly LanguageDef[] = [
  { code: "da", da: "dansk", en: "Danish", names: ["danske", "rigsdansk"] },
  { code: "en", da: "engelsk", en: "English", names: ["engelske"] },
  { code: "ar", da: "arabisk", en: "Arabic", names: ["العربية", "عربي", "arabiska", "levantinsk", "egyptisk arabisk"] },
  { code: "fa", da: "farsi", en: "Farsi", names: ["persisk", "persian", "iransk", "فارسی"] },
  { code: "prs", da: "dari", en: "Dari", names: ["دری", "afghansk persisk", "afghan persian"] },
  { code: "ps", da: "pashto", en: "Pashto", names: ["pashtu", "pushto", "pasto", "پښتو"] },
  { code: "so", da: "somali", en: "Somali", names: ["somalisk", "soomaali", "af soomaali"] },
  { code: "ti", da: "tigrinya", en: "Tigrinya", names: ["tigrinja", "tigrigna", "ትግርኛ"] },
  { code: "am", da: "amharisk", en: "Amharic", names: ["amarinja", "አማርኛ"] },
  { code: "tr", da: "tyrkisk", en: "Turkish", names: ["türkçe", "turkce"] },
  { code: "uk", da: "ukrainsk", en: "Ukrainian", names: ["українська", "ukrainska"] },
  { code: "ru", da: "russisk", en: "Russian", names: ["русский", "russkij"] },
  { code: "pl", da: "polsk", en: "Polish", names: ["polski", "polskie"] },
  { code: "ro", da: "rumænsk", en: "Romanian", names: ["română", "romana", "romaensk"] },
  { code: "ku", da: "kurdisk", en: "Kurdish", names: ["kurdî", "kurdi", "کوردی"] },
  { code: "ckb", da: "sorani", en: "Sorani", names: ["soranî", "centralkurdisk", "central kurdish"] },
  { code: "kmr", da: "kurmanji", en: "Kurmanji", names: ["kurmancî", "kurmanci", "nordkurdisk", "northern kurdish"] },
  { code: "ur", da: "urdu", en: "Urdu", names: ["اردو"] },
  { code: "hi", da: "hindi", en: "Hindi", names: ["हिन्दी", "हिंदी"] },
  { code: "pa", da: "punjabi", en: "Punjabi", names: ["panjabi", "ਪੰਜਾਬੀ"] },
  { code: "bn", da: "bengali", en: "Bengali", names: ["bangla", "বাংলা"] },
  { code: "ta", da: "tamil", en: "Tamil", names: ["tamilsk", "தமிழ்"] },
  { code: "es", da: "spansk", en: "Spanish", names: ["español", "espanol", "castellano"] },
  { code: "fr", da: "fransk", en: "French", names: ["français", "francais"] },
  { code: "de", da: "tysk", en: "German", names: ["deutsch"] },
  { code: "it", da: "italiensk", en: "Italian", names: ["italiano"] },
  { code: "pt", da: "portugisisk", en: "Portuguese", names: ["português", "portugues", "brasiliansk"] },
  { code: "nl", da: "hollandsk", en: "Dutch", names: ["nederlandsk", "nederlands", "flamsk", "flemish"] },
  { code: "sv", da: "svensk", en: "Swedish", names: ["svenska"] },
  { code: "no", da: "norsk", en: "Norwegian", names: ["norsk bokmål", "nynorsk"] },
  { code: "is", da: "islandsk", en: "Icelandic", names: ["íslenska"] },
  { code: "fo", da: "færøsk", en: "Faroese", names: ["føroyskt"] },
  { code: "kl", da: "grønlandsk", en: "Greenlandic", names: ["kalaallisut"] },
  { code: "fi", da: "finsk", en: "Finnish", names: ["suomi"] },
  { code: "et", da: "estisk", en: "Estonian", names: ["eesti"] },
  { code: "lv", da: "lettisk", en: "Latvian", names: ["latviešu"] },
  { code: "lt", da: "litauisk", en: "Lithuanian", names: ["lietuvių"] },
  { code: "cs", da: "tjekkisk", en: "Czech", names: ["čeština", "cestina"] },
  { code: "sk", da: "slovakisk", en: "Slovak", names: ["slovenčina"] },
  { code: "hu", da: "ungarsk", en: "Hungarian", names: ["magyar"] },
  { code: "bg", da: "bulgarsk", en: "Bulgarian", names: ["български"] },
  { code: "el", da: "græsk", en: "Greek", names: ["ελληνικά"] },
  { code: "sq", da: "albansk", en: "Albanian", names: ["shqip"] },
  { code: "bs", da: "bosnisk", en: "Bosnian", names: ["bosanski"] },
  { code: "sr", da: "serbisk", en: "Serbian", names: ["srpski", "српски"] },
  { code: "hr", da: "kroatisk", en: "Croatian", names: ["hrvatski"] },
  { code: "zh", da: "kinesisk", en: "Chinese", names: ["mandarin", "中文", "普通话", "kantonesisk", "cantonese"] },
  { code: "ja", da: "japansk", en: "Japanese", names: ["日本語"] },
  { code: "ko", da: "koreansk", en: "Korean", names: ["한국어"] },
  { code: "vi", da: "vietnamesisk", en: "Vietnamese", names: ["tiếng việt", "tieng viet"] },
  { code: "th", da: "thai", en: "Thai", names: ["thailandsk", "ไทย"] },
  { code: "tl", da: "tagalog", en: "Tagalog", names: ["filipino", "filippinsk"] },
  { code: "sw", da: "swahili", en: "Swahili", names: ["kiswahili"] },
  { code: "om", da: "oromo", en: "Oromo", names: ["afaan oromoo", "oromiffa"] },
  { code: "he", da: "hebraisk", en: "Hebrew", names: ["עברית"] },
];

/** Umbrella names that stand for several languages at once. */
export const LANGUAGE_GROUPS: readonly { names: readonly string[]; codes: readonly string[] }[] = [
  { names: ["serbokroatisk", "serbo-croatian", "bks", "jugoslavisk", "yugoslav"], codes: ["bs", "sr", "hr"] },
];
