// Content hashes of input files, streamed so that files of any size hash in constant memory.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** The hex digest of a file's bytes with `algorithm` (sha256 for import records, md5 for GDELT's file lists). */
export async function hashFile(path: string, algorithm: 'sha256' | 'md5' = 'sha256'): Promise<string> {
  const hash = createHash(algorithm);
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
