// Filler words in Danish and English answers ("jeg vil gerne arbejde med …", "I'd like to work
// in …"). They are never matched fuzzily (so "that" never becomes "thai") and never reported back
// as something we did not understand. Written folded (æ→ae, ø→oe, å→aa).

const DANISH = `
jeg mig min mit mine du dig din dit dine han hun ham hende vi os vores i jer jeres de dem deres
den det der her en et er var vaere blevet bliver har have havde og eller men med til fra paa af
for om at som saa ikke ogsaa gerne meget lidt noget nogle nogen mest mere bare kun kan vil ville
skal skulle kunne godt gode god helst maaske evt eventuelt inden indenfor indefor arbejde arbejder
arbejdet arbejdede job jobbet jobs stilling stillinger fag faget erfaring erfaringer uddannet
interesseret interesse interesserer hvad hvor hvis naar nok tror synes ved vel ja nej tak hej
ok okay fx f eks feks eksempel osv etc ting tingene andet andre anden alle alt baade enten isaer
primaert saadan lignende lign el mv samt plus sammen lave laver tidligere nu fremover gerne helt
egentlig faktisk altsaa bl mange rigtig virkelig inde ude hos omkring indenfor mod efter under
over gennem uden dog bare lige hver hele selv egne egen sig sin sit sine hedder kaldet derfor
`;

const ENGLISH = `
me my we you he she they them our your their a an the and or but with in at on of to for from as
is am are was were be been being have has had do does did like would want wants wanted love
prefer preferably work working worked works job jobs field fields sector area areas some
something maybe perhaps also too very really mostly mainly especially kind sort stuff things
thing etc eg yes no thanks thank please ok okay hi hello that this these those its so not any
anything all both either interested interest interests experience experienced background
think im ive id i d m ll s t re can could should will just only more most much many other
else within into about around currently now before previously used get got
`;

export const STOPWORDS: ReadonlySet<string> = new Set(`${DANISH} ${ENGLISH}`.split(/\s+/).filter(Boolean));

/** Words that separate items in a list answer ("IT og sundhed", "Arabic or Farsi"). */
export const CONJUNCTIONS: ReadonlySet<string> = new Set(["og", "and", "eller", "or", "samt", "plus", "men", "but"]);

export function wordSet(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter(Boolean));
}
