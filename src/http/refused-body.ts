import type { Request, Response } from 'express';

/** How long, and how much, of a refused body is read and thrown away before the connection closes. */
export const LINGER = { ms: 2_000, bytes: 16 * 1024 * 1024 };

/**
 * For an answer given before the request's body has been read to its end (an
 * upload over the cap, a 429, a CSRF refusal at the file part). Closing the
 * connection at once, with the client's bytes still unread in our socket, makes
 * TCP send a reset, and a reset can overtake the answer: the archivist's client
 * reports "connection reset" instead of the 413 that says why. So, once the answer
 * is out, the rest of the body is read and dropped for a moment (what nginx calls
 * a lingering close), and the connection closes when the client stops or the
 * bounds (LINGER) are reached, whichever is first: a hostile client gets two
 * seconds and 16 MiB of our time, not a stalled connection.
 */
export function lingerAfterRefusal(req: Request, res: Response, bounds = LINGER): void {
  res.once('finish', () => {
    if (req.complete) return;
    const socket = req.socket;
    // A client that asked for `Connection: close` (or any answer we mark last) has Node end our side
    // and destroy the socket once the answer is flushed (net.Socket#destroySoon: once('finish', destroy)),
    // which is the reset this function exists to avoid. Our side is still ended (the client reads
    // the answer, then end-of-stream); only the destroy waits for the drain below.
    socket.removeListener('finish', socket.destroy);
    let read = 0;
    const close = () => {
      clearTimeout(timer);
      socket.destroy();
    };
    const timer = setTimeout(close, bounds.ms);
    timer.unref();
    req.on('data', (chunk: Buffer) => {
      read += chunk.length;
      if (read > bounds.bytes) close();
    });
    // The client has sent all it will: close, unless the connection is kept for its next request.
    req.once('end', () => (socket.writableEnded ? close() : clearTimeout(timer)));
    req.once('error', close);
    req.resume();
  });
}
