package io.sslkit.record;

import java.nio.ByteBuffer;

/**
 * One received record after unprotection.
 *
 * @param type     its content type
 * @param fragment the plaintext (SSLPlaintext.fragment); a view into the record layer's buffer, valid only until the
 *                 next {@link RecordLayer#read}
 */
public record Record(ContentType type, ByteBuffer fragment) {
}
