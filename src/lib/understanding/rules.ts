// Rules as data, beside the classifier: cues that make an intent clear, and vetoes for the
// look-alikes that must do nothing ("jeg venter på bussen", "min ven fik job", "we will meet on
// Friday"). All patterns run on folded text: lower case, æøå → ae/oe/aa, punctuation → spaces.
export type Intent =
  | "status"
  | "human"
  | "delete"
  | "language"
  | "help"
  | "outcome"
  | "mentor_pause"
  | "relay"
  | "meeting"
  | "checkin_answer"
  | "new_mentor"
  | "change_profile";

export const INTENTS: readonly Intent[] = [
  "status",
  "human",
  "delete",
  "language",
  "help",
  "outcome",
  "mentor_pause",
  "relay",
  "meeting",
  "checkin_answer",
  "new_mentor",
  "change_profile",
];

export interface IntentRule {
  /** Who can mean it: a mentee does not pause as a mentor. */
  roles?: readonly ("mentee" | "mentor" | "coordinator")[];
  /** Any of these makes the intent clear when the classifier also leans to it. */
  cues: readonly RegExp[];
  /** Any of these rules the intent out, whatever the classifier says. */
  vetoes?: readonly RegExp[];
}

const OTHERS =
  /\b(min|mit|mine|my|hans|hendes|his|her)\s+(ven\w*|veninde|friend\w*|bror|brother|soester|soster|sister|mor|mother|mum|mom|far|father|dad|kone|wife|mand|husband|kaereste|boyfriend|girlfriend|nabo|neighbou?r|fætter|faetter|cousin|kollega|colleague|soen|son|datter|daughter|barn|child)\b/;
const FUTURE_MEETING =
  /\b(skal (vi )?moedes|skal ses|vil moedes|will meet|going to meet|gonna meet|are meeting|meet (on|next|tomorrow)|naeste (uge|gang)|next (week|time)|i morgen|tomorrow|paa (mandag|tirsdag|onsdag|torsdag|fredag))\b/;

export const RULES: Record<Intent, IntentRule> = {
  status: {
    cues: [
      /\b(hvornaar|hvornar|hvonaar|when)\b.*\b(mentor|mentee|match\w*|svar|hear|hoere|hore)\b/,
      /\b(venter|waiting|vente)\b.*\b(stadig|still|endnu|yet|mentor|match)\b/,
      /\b(hvad sker der|what happens|what now|hvad nu|what s next|whats next|hvad saa nu|naeste skridt|next step)\b/,
      /\bmin status\b|\bmy status\b|\bstatus\s*$|^\s*status\b/,
      /\b(har i|do you have|got)\b.*\b(mentee|mentor)\b.*\b(til mig|for me)\b/,
    ],
    vetoes: [
      /\bstatus (paa|on|of) (mit|min|my|arbejds|the|det|job)\w*/,
      /\b(venter|waiting|vente) (paa|for|on) (bus\w*|tog\w*|train|the bus|pizza|post\w*|pakke\w*|svar fra (kommunen|jobcent\w*)|my (sister|brother|friend|mum|mom))\b/,
    ],
  },
  human: {
    cues: [
      /\b(tale|snakke|tal|snak|ringe|talk|speak|chat)\b.*\b(menneske|person|koordinator\w*|coordinator\w*|rigtig|real|human|nogen|someone|somebody|voksen)\b/,
      /\b(et menneske|a human|real person|rigtig person|ikke en (bot|robot|maskine)|not a (bot|robot|machine))\b/,
    ],
    vetoes: [/\b(min mentor er et|my mentor is a)\b/],
  },
  delete: {
    cues: [
      /\b(slet|slette|sletter|fjern|fjerne|delete|remove|erase|wipe)\b.*\b(mine|min|mit|mig|my|me|profil\w*|profile|data|oplysninger|info\w*|konto|account)\b/,
      /\b(glem mig|forget me|afmeld\w*|unsubscribe|meld mig ud|vil ud|opt out)\b/,
    ],
    vetoes: [/\b(slettede|deleted|har slettet|have deleted|i deleted|jeg slettede)\b(?!.*\b(mine data|my data|profil|profile|oplysninger)\b)/],
  },
  language: {
    cues: [
      /\b(skriv|skrive|snak|tale|svar|write|speak|answer|talk|reply|switch|skift|change|use|bruge|brug)\b.*\b(engelsk|english|dansk|danish)\b/,
      /\b(english|engelsk|dansk|danish)\b.*\b(please|pls|tak|venligst|instead|i stedet)\b/,
      /\b(in|paa|på) (english|engelsk|danish|dansk)\b/,
    ],
    vetoes: [/\b(min|my|hans|her|hendes)\s+\w*\s*(taler|speaks|learns|laerer)\b/, /\b(kursus|course|class|undervisning|lesson)\b/],
  },
  help: {
    cues: [
      /^\s*(help|hjaelp|hjalp|hjelp|menu)\s*[!?.]*\s*$/,
      /\b(hvad kan (du|jeg)|what can (you|i) do|how does (this|it) work|hvordan virker|hvordan fungerer|jeg forstaar ikke|i don t understand|i dont understand|forstaar ikke hvad)\b/,
    ],
    vetoes: [
      /\b(help me (write|with|find)|hjaelp (mig )?(med|til) (at )?(skrive|cv|ansoeg\w*|finde))\b/,
      /\b(hjaelp fra|help from)\b.*\b(kommune|jobcenter)\b/,
    ],
  },
  outcome: {
    roles: ["mentee", "mentor"],
    cues: [
      /\b(jeg|i|i ve|ive|jeg har|i have)\b.*\b(faaet|fået|fik|got|landed|startet|started|begynder|starting|start|optaget|accepted|admitted|ansat|hired)\b.*\b(job\w*|arbejde|stilling|uddannels\w*|praktik\w*|loentilskud|internship|education|course|position|work|school|studie\w*)\b/,
      /\b(jeg er|i am|i m|im|i was|jeg blev)\b.*\b(optaget|accepted|admitted|ansat|hired|employed)\b/,
    ],
    vetoes: [
      OTHERS,
      /\b(soeger|søger|looking for|applying|ansoeger|sender ansoegning|applied|hope|haaber|drømmer|droemmer|want a|vil gerne have et job|ikke faaet|didn t get|did not get|fik ikke|fik det ikke|no job)\b/,
    ],
  },
  mentor_pause: {
    roles: ["mentor"],
    cues: [
      /\b(ferie\w*|holiday\w*|vacation\w*|syg\w*|sick|ill|indlagt|hospital\w*|operation|bortrejst|away|travel\w*|rejser|pause)\b/,
      /\b(kan ikke|can t|cannot|won t be able|not available|ikke tilgaengelig|optaget)\b.*\b(uge\w*|week\w*|dage|days|maaned\w*|month\w*|til|until)\b/,
    ],
    vetoes: [/\b(var|was|had|havde|har haft|have had)\b.*\b(ferie|holiday|vacation)\b.*\b(dejlig|god|great|nice|lovely|fin)\b/, /\b(hvordan var|how was)\b/],
  },
  relay: {
    cues: [
      /\b(sig|fortael|skriv|send|giv|tell|let|message|inform|say to|pass)\b.*\b(til )?(min|my)\s+(mentor|mentee)\w*\b/,
      /\b(besked|message|note)\b.*\b(til|to)\s+(min|my)?\s*(mentor|mentee)\w*\b/,
    ],
    vetoes: [/\b(min|my) (mentor|mentee)\w* (sagde|said|told|skrev|wrote|fortalte)\b/],
  },
  meeting: {
    cues: [
      /\b(vi )?(moedtes|mødtes|motes|modtes|snakkede|talte|ringede|saa|sås|saas|havde et moede|had a meeting|met|spoke|talked|called|had coffee|drak kaffe)\b/,
    ],
    vetoes: [FUTURE_MEETING, /\b(skal|will|going to|planlaegger|plan to)\b/],
  },
  checkin_answer: {
    cues: [/^\s*(ja|nej|yes|no|jo|nope|yep|yeah|jep|nah)\b/],
  },
  new_mentor: {
    roles: ["mentee"],
    cues: [
      /\b(ny|anden|andet|nyt|another|new|different|other|skifte|change|switch|bytte)\b\s*(mentor)\b/,
      /\b(mentor)\b.*\b(virker ikke|fungerer ikke|not working|doesn t work|passer ikke|don t match|not a good match)\b/,
    ],
  },
  change_profile: {
    cues: [
      /\b(aendre|ændre|rette|opdatere|opdater|skifte|change|update|edit|correct|fix)\b.*\b(profil\w*|profile|oplysninger|svar|answer|details|info\w*|kommune|branche|industry|sprog|language\w*|navn|name|tider|times|availability)\b/,
      /\b(jeg er flyttet|i have moved|i moved|i ve moved|flyttet til|moved to)\b/,
    ],
  },
};
