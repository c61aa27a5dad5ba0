// NotImplemented: thrown for any Apps Script feature the emulator does not model, so it never agrees by accident.
import { EmulatorNotImplemented } from '../runtime/errors';

/** `new NotImplemented('Range.setBorder(style)')` → message `NotImplemented: Range.setBorder(style)`. */
export class NotImplemented extends EmulatorNotImplemented {}
