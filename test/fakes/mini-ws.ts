// A minimal WebSocket server endpoint (RFC 6455, text frames + ping/pong/close) on top of an
// existing node:http server, so the Slack Socket Mode fake needs no extra dependency.
import { createHash } from "node:crypto";
import type { Server } from "node:http";
import type { Duplex } from "node:stream";

export interface MiniSocket {
  send(text: string): void;
  close(): void;
}

const GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

export function acceptWebSockets(server: Server, path: string, onOpen: (ws: MiniSocket, onText: (cb: (text: string) => void) => void) => void): void {
  server.on("upgrade", (req, socket: Duplex) => {
    if (!(req.url ?? "").startsWith(path)) return void socket.destroy();
    const accept = createHash("sha1").update(`${req.headers["sec-websocket-key"] ?? ""}${GUID}`).digest("base64");
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    const listeners: ((text: string) => void)[] = [];
    const ws: MiniSocket = {
      send: (text) => socket.write(frame(1, Buffer.from(text))),
      close: () => {
        socket.write(frame(8, Buffer.alloc(0)));
        socket.end();
      },
    };
    let buffered = Buffer.alloc(0);
    socket.on("data", (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (let parsed = parse(buffered); parsed; parsed = parse(buffered)) {
        buffered = buffered.subarray(parsed.length);
        if (parsed.opcode === 1) listeners.forEach((l) => l(parsed.payload.toString("utf8")));
        else if (parsed.opcode === 9) socket.write(frame(10, parsed.payload));
        else if (parsed.opcode === 8) socket.end();
      }
    });
    socket.on("error", () => undefined);
    onOpen(ws, (cb) => listeners.push(cb));
  });
}

function frame(opcode: number, payload: Buffer): Buffer {
  const len = payload.length;
  const head = len < 126 ? Buffer.from([0x80 | opcode, len]) : len < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
  if (len >= 126 && len < 65536) {
    head[0] = 0x80 | opcode;
    head[1] = 126;
    head.writeUInt16BE(len, 2);
  } else if (len >= 65536) {
    head[0] = 0x80 | opcode;
    head[1] = 127;
    head.writeBigUInt64BE(BigInt(len), 2);
  }
  return Buffer.concat([head, payload]);
}

/** Parses one client frame (always masked); undefined until the whole frame has arrived. */
function parse(buf: Buffer): { opcode: number; payload: Buffer; length: number } | undefined {
  if (buf.length < 2) return undefined;
  const opcode = (buf[0] ?? 0) & 0x0f;
  const masked = ((buf[1] ?? 0) & 0x80) !== 0;
  let len = (buf[1] ?? 0) & 0x7f;
  let offset = 2;
  if (len === 126) {
    if (buf.length < 4) return undefined;
    len = buf.readUInt16BE(2);
    offset = 4;
  } else if (len === 127) {
    if (buf.length < 10) return undefined;
    len = Number(buf.readBigUInt64BE(2));
    offset = 10;
  }
  const maskLen = masked ? 4 : 0;
  if (buf.length < offset + maskLen + len) return undefined;
  const mask = buf.subarray(offset, offset + maskLen);
  const payload = Buffer.from(buf.subarray(offset + maskLen, offset + maskLen + len));
  if (masked) for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] ?? 0) ^ (mask[i % 4] ?? 0);
  return { opcode, payload, length: offset + maskLen + len };
}
