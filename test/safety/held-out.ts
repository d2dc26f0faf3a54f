// Held-out phrases: written before any rule existed and never used while tuning the rules.
// Their score is reported separately so we can see how well the rules generalise.
import type { LabelledPhrase } from "./labelled.js";

export const HELD_OUT_DA: LabelledPhrase[] = [
  { text: "jeg kan ikke se meningen med at leve længere", expect: "suicide" },
  { text: "jeg har tænkt på at gøre det af med mig selv", expect: "suicide" },
  { text: "jeg vil hellere være død end at fortsætte sådan her", expect: "suicide" },
  { text: "min kæreste har slået mig flere gange", expect: "abuse" },
  { text: "jeg har ikke noget sted at bo fra i morgen", expect: "acute_crisis" },
  { text: "jeg har drukket hver dag siden jeg blev fyret og kan ikke stoppe", expect: "substance" },
  { text: "stemmerne i mit hoved siger jeg er værdiløs og skal dø", expect: ["psychiatric", "suicide"] },
  { text: "jeg skærer i armene når det bliver for meget", expect: "self_harm" },
  { text: "jeg har lyst til at banke min sagsbehandler", expect: "threat" },
  { text: "selvmordstankerne kommer igen om natten", expect: "suicide" },
  { text: "jeg er ved at dø af nervøsitet før samtalen", expect: null },
  { text: "jeg har arbejdet to år på et bosted for sindslidende", expect: null },
  { text: "min mormor døde i sommer, så jeg har haft det svært", expect: null },
  { text: "den nye chef slår hårdt ned på sygefravær", expect: null },
  { text: "jeg har taget et kursus om misbrug og afhængighed", expect: null },
  { text: "jeg er så træt af at leve på kontanthjælp", expect: null },
  { text: "det tager livet af mig at vente på svar", expect: null },
  { text: "jeg har drukket alt for meget sodavand i dag", expect: null },
  { text: "jeg skal sove på sofaen hos min bror i weekenden mens de maler", expect: null },
  { text: "min datter slog mig i skak i går", expect: null },
];

export const HELD_OUT_EN: LabelledPhrase[] = [
  { text: "I don't think I can keep living like this, I want it all to stop", expect: "suicide" },
  { text: "I'm going to take all my pills tonight", expect: ["suicide", "substance"] },
  { text: "my husband hit me and I'm scared to go back", expect: "abuse" },
  { text: "i havent eaten properly in days and the fridge is empty", expect: "acute_crisis" },
  { text: "the voices keep telling me i deserve to die", expect: ["psychiatric", "suicide"] },
  { text: "I've been drinking since I woke up and can't stop", expect: "substance" },
  { text: "I feel like cutting myself again", expect: "self_harm" },
  { text: "I'm going to hurt my ex when I see him", expect: "threat" },
  { text: "wish i could just not exist anymore", expect: "suicide" },
  { text: "I'm sleeping rough tonight", expect: "acute_crisis" },
  { text: "this commute is killing me", expect: null },
  { text: "I worked with survivors of domestic abuse at a charity", expect: null },
  { text: "I'm dying for a holiday after this month", expect: null },
  { text: "I'd kill to get that graduate role", expect: null },
  { text: "I almost died laughing at the feedback form", expect: null },
  { text: "my grandad passed away last month, so I've been quiet", expect: null },
  { text: "I did a placement on an addiction ward", expect: null },
  { text: "my nephew beat me at chess", expect: null },
  { text: "I'm drowning in deadlines", expect: null },
  { text: "I'm so done with LinkedIn today", expect: null },
];
