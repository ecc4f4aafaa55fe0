// Type declarations for the parts of the `smpp` package (0.5.1) we use: its PDU codec only.
declare module 'smpp' {
  export type PduValue = string | number | Buffer | Date | { message: string | Buffer; udh?: Buffer[] } | undefined;

  export class PDU {
    constructor(command: string | Buffer, options?: Record<string, unknown>);
    command: string;
    command_id: number;
    command_length: number;
    command_status: number;
    sequence_number: number;
    [field: string]: unknown;
    isResponse(): boolean;
    toBuffer(): Buffer;
    static maxLength: number;
  }

  export const commands: Record<string, { id: number }>;
}
