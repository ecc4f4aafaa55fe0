/**
 * Splits a byte stream into SMPP frames by their 4-octet command_length.
 * The `smpp` package's own reader stalls for good on a bad PDU, so we frame
 * the stream ourselves and only hand complete frames to its codec.
 */
export const HEADER_LENGTH = 16;

export class FramingError extends Error {
  /** The bad PDU's sequence_number when its header arrived whole (0 otherwise): the generic_nack echoes it. */
  constructor(readonly commandLength: number, readonly maxLength: number, readonly sequence = 0) {
    super(`peer sent a PDU with command_length ${commandLength} (allowed ${HEADER_LENGTH}..${maxLength})`);
    this.name = 'FramingError';
  }
}

export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;

  constructor(private readonly maxLength: number) {}

  /** Adds bytes and returns every complete frame. Throws FramingError when the stream cannot be framed. */
  push(data: Buffer): Buffer[] {
    this.chunks.push(data);
    this.buffered += data.length;
    const frames: Buffer[] = [];
    let all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
    let offset = 0;
    while (all.length - offset >= 4) {
      const length = all.readUInt32BE(offset);
      if (length < HEADER_LENGTH || length > this.maxLength) {
        const sequence = all.length - offset >= HEADER_LENGTH ? all.readUInt32BE(offset + 12) : 0;
        throw new FramingError(length, this.maxLength, sequence);
      }
      if (all.length - offset < length) break;
      frames.push(all.subarray(offset, offset + length));
      offset += length;
    }
    all = all.subarray(offset);
    this.chunks = all.length ? [all] : [];
    this.buffered = all.length;
    return frames;
  }

  get pendingBytes(): number {
    return this.buffered;
  }
}
