// What data-access code takes: the client, or the transaction it runs in. Its own file, so code
// that only needs the type does not import the outbox (or anything else) for it.
import type { Prisma } from "../../generated/prisma/client.js";
import type { Db } from "./database.js";

export type Tx = Prisma.TransactionClient | Db;
