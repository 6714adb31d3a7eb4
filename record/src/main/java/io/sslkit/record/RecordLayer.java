package io.sslkit.record;

import io.sslkit.alert.AlertProtocol;
import io.sslkit.api.AlertDescription;
import io.sslkit.api.ProtocolVersion;
import io.sslkit.api.SslAlertException;
import io.sslkit.record.internal.ConnectionState;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record layer of one connection (RFC 6101 §5.2, RFC 5246 §6): it frames, fragments, protects and unprotects
 * records, and holds the current and pending connection states of each direction. Bytes in, bytes out: no I/O and
 * no threads. Not thread-safe.
 *
 * <p>Every error is an {@link SslAlertException} naming the alert to send, already mapped to one that the version in
 * use defines. After one, the connection is over; the layer's state is undefined.
 *
 * <p>The hot path (application data) allocates nothing per record but the returned {@link Record} and its view: the
 * cipher and MAC instances are made once per connection state. Records are decrypted in place in the caller's input
 * and protected in place in the caller's output when those are heap buffers; a staging buffer is allocated only for
 * direct or read-only buffers, so an idle connection holds no record-sized buffer.
 */
public final class RecordLayer {
    private static final Logger LOG = LoggerFactory.getLogger(RecordLayer.class);
    private static final byte[] EMPTY = new byte[0];

    private final RecordLimits limits;
    private byte[] readBuffer = EMPTY;
    private byte[] writeBuffer = EMPTY;
    private ProtocolVersion version;
    private int initialWireVersion = ProtocolVersion.TLS_1_0.wireValue();
    private ConnectionState readState = ConnectionState.initial();
    private ConnectionState writeState = ConnectionState.initial();
    private CipherState pendingRead;
    private CipherState pendingWrite;
    private boolean splitCbcRecords = true;
    private int emptyRecordsInARow;

    /**
     * @param limits bounds beyond the RFCs' own ({@link RecordLimits#DEFAULT} for ordinary use)
     */
    public RecordLayer(RecordLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** The negotiated version: written in every record header from now on, and the only one accepted on input. */
    public void setVersion(ProtocolVersion v) {
        this.version = Objects.requireNonNull(v, "v");
    }

    /** The negotiated version, or null while there is none yet. */
    public ProtocolVersion version() {
        return version;
    }

    /**
     * The header version to write before a version is negotiated, e.g. 0x0300 for a client that offers only
     * SSL 3.0 (default 0x0301, what most clients send). Until {@link #setVersion} input accepts any 3.x version,
     * since the peer cannot yet know what will be agreed.
     */
    public void setInitialVersion(int wireVersion) {
        if ((wireVersion >>> 8) != 3 || (wireVersion & ~0xffff) != 0) {
            throw new IllegalArgumentException(String.format("not an SSL 3.x version: 0x%04x", wireVersion));
        }
        this.initialWireVersion = wireVersion;
    }

    /**
     * Decodes and unprotects one record if {@code in} holds a whole one; else returns null and leaves {@code in} as
     * it was. On success {@code in} is advanced past the record. The header is checked as soon as its 5 bytes are
     * there (content type, version, length), so a bad or over-long record is refused before it has arrived. A record
     * in a writable heap buffer is decrypted in place, sparing a copy and a buffer: the bytes it occupied in
     * {@code in} are overwritten (after an alert too).
     *
     * @return the record, whose fragment is valid until the next call and until {@code in} changes; null when more
     *         input is needed
     * @throws SslAlertException unexpected_message (unknown content type, empty record where the RFCs forbid one,
     *                           too many empty records), protocol_version (wrong header version), record_overflow
     *                           (ciphertext over 2^14 + 2048, plaintext over 2^14), bad_record_mac (MAC or padding)
     */
    public Record read(ByteBuffer in) throws SslAlertException {
        if (in.remaining() < RecordLimits.HEADER_LENGTH) {
            return null;
        }
        int p = in.position();
        int typeCode = in.get(p) & 0xff;
        int wireVersion = ((in.get(p + 1) & 0xff) << 8) | (in.get(p + 2) & 0xff);
        int length = ((in.get(p + 3) & 0xff) << 8) | (in.get(p + 4) & 0xff);
        ContentType type = ContentType.lookup(typeCode);
        if (type == null) {
            throw alert(AlertDescription.UNEXPECTED_MESSAGE, "unknown content type " + typeCode);
        }
        checkVersion(wireVersion);
        // Unprotected records are TLSPlaintext, at most 2^14; protected ones TLSCiphertext (RFC 5246 §6.2.3).
        int maxLength = readState.isInitial() ? RecordLimits.MAX_PLAINTEXT : RecordLimits.MAX_CIPHERTEXT;
        if (length > maxLength) {
            throw alert(AlertDescription.RECORD_OVERFLOW, "record of " + length + " bytes exceeds " + maxLength);
        }
        if (in.remaining() < RecordLimits.HEADER_LENGTH + length) {
            return null;
        }
        int contentLength;
        int fragment = p + RecordLimits.HEADER_LENGTH;
        byte[] buf;
        int start;
        if (in.hasArray()) {
            buf = in.array();
            start = in.arrayOffset() + fragment;
        } else {
            // A direct buffer: stage through our own array, kept while records keep coming this way.
            if (readBuffer.length < length) {
                readBuffer = new byte[RecordLimits.MAX_CIPHERTEXT];
            }
            in.get(fragment, readBuffer, 0, length);
            buf = readBuffer;
            start = 0;
        }
        contentLength = readState.unprotect(typeCode, wireVersion, buf, start, length, buf, start);
        if (contentLength > RecordLimits.MAX_PLAINTEXT) {
            throw alert(AlertDescription.RECORD_OVERFLOW, "plaintext of " + contentLength + " bytes exceeds 2^14");
        }
        checkEmpty(type, contentLength);
        in.position(fragment + length);
        return new Record(type, ByteBuffer.wrap(buf, start + readState.explicitIvLength(), contentLength));
    }

    private void checkVersion(int wireVersion) throws SslAlertException {
        boolean ok = version != null ? wireVersion == version.wireValue() : (wireVersion >>> 8) == 3;
        if (!ok) {
            throw alert(AlertDescription.PROTOCOL_VERSION, String.format("record version 0x%04x, expected %s",
                    wireVersion, version != null ? version : "3.x"));
        }
    }

    private void checkEmpty(ContentType type, int contentLength) throws SslAlertException {
        if (contentLength != 0) {
            emptyRecordsInARow = 0;
            return;
        }
        // RFC 5246 §6.2.1: no zero-length handshake, alert or CCS fragments; SSL 3.0 says nothing, and a CCS or
        // alert of the wrong length fails its own check there.
        if (type != ContentType.APPLICATION_DATA && (version == null || !version.isSsl3())) {
            throw alert(AlertDescription.UNEXPECTED_MESSAGE, "zero-length " + type + " record");
        }
        if (++emptyRecordsInARow > limits.maxEmptyRecords()) {
            throw alert(AlertDescription.UNEXPECTED_MESSAGE, "more than " + limits.maxEmptyRecords()
                    + " empty records in a row");
        }
    }

    /**
     * Protects {@code data} (all its remaining bytes) into one or more records of at most
     * {@link RecordLimits#maxPlaintext()} plaintext bytes each, written to {@code out}. Application data under CBC in
     * SSL 3.0 / TLS 1.0 goes out as 1/n-1 split records unless {@link #setSplitCbcRecords} turned that off. Nothing
     * is written for empty application data.
     *
     * @throws BufferOverflowException  when {@code out} has less room than {@link #maxWireSize} asks; nothing is
     *                                  consumed then
     * @throws IllegalArgumentException for an empty handshake, alert or change_cipher_spec message, which the RFCs
     *                                  forbid sending
     * @throws SslAlertException        internal_error when the write sequence number would wrap
     */
    public void write(ContentType type, ByteBuffer data, ByteBuffer out) throws SslAlertException {
        int total = data.remaining();
        if (total == 0) {
            if (type != ContentType.APPLICATION_DATA) {
                throw new IllegalArgumentException("a " + type + " record must not be empty");
            }
            return;
        }
        if (out.remaining() < maxWireSize(total)) {
            throw new BufferOverflowException();
        }
        if (type == ContentType.APPLICATION_DATA && splitCbcRecords && writeState.chainsIvAcrossRecords()
                && total > 1) {
            // BEAST needs to choose the first block of a record after seeing the previous one's last block; a
            // one-byte record first puts a MAC the attacker cannot predict into that block.
            writeRecord(type, data, 1, out);
        }
        while (data.hasRemaining()) {
            writeRecord(type, data, Math.min(data.remaining(), limits.maxPlaintext()), out);
        }
    }

    private void writeRecord(ContentType type, ByteBuffer data, int length, ByteBuffer out)
            throws SslAlertException {
        int wireVersion = version != null ? version.wireValue() : initialWireVersion;
        boolean direct = out.hasArray() && !out.isReadOnly();
        byte[] buf;
        int base;
        if (direct) {
            buf = out.array();
            base = out.arrayOffset() + out.position();
        } else {
            int needed = RecordLimits.HEADER_LENGTH + length + writeState.maxExpansion();
            if (writeBuffer.length < needed) {
                writeBuffer = new byte[Math.max(needed,
                        RecordLimits.HEADER_LENGTH + limits.maxPlaintext() + writeState.maxExpansion())];
            }
            buf = writeBuffer;
            base = 0;
        }
        int fragment = base + RecordLimits.HEADER_LENGTH;
        data.get(buf, fragment + writeState.explicitIvLength(), length);
        int fragmentLength = writeState.protect(type.code(), wireVersion, buf, fragment, length);
        buf[base] = (byte) type.code();
        buf[base + 1] = (byte) (wireVersion >>> 8);
        buf[base + 2] = (byte) wireVersion;
        buf[base + 3] = (byte) (fragmentLength >>> 8);
        buf[base + 4] = (byte) fragmentLength;
        int recordLength = RecordLimits.HEADER_LENGTH + fragmentLength;
        if (direct) {
            out.position(out.position() + recordLength);
        } else {
            out.put(buf, 0, recordLength);
        }
    }

    /** The bytes of the staging buffers this layer holds: 0 while the caller's buffers are heap buffers. */
    int stagingBytes() {
        return readBuffer.length + writeBuffer.length;
    }

    /**
     * A bound on the bytes {@link #write} produces for {@code plaintextLength} bytes under the current write state:
     * the room {@code out} must have.
     */
    public int maxWireSize(int plaintextLength) {
        if (plaintextLength < 0) {
            throw new IllegalArgumentException("negative length " + plaintextLength);
        }
        long records = (plaintextLength + (long) limits.maxPlaintext() - 1) / limits.maxPlaintext();
        if (writeState.chainsIvAcrossRecords() && plaintextLength > 1) {
            records++;
        }
        long size = plaintextLength + records * (RecordLimits.HEADER_LENGTH + writeState.maxExpansion());
        return (int) Math.min(Integer.MAX_VALUE, size);
    }

    /** The read keys the next received ChangeCipherSpec will make current. */
    public void setPendingRead(CipherState s) {
        if (s.forWriting() && !s.isInitial()) {
            throw new IllegalArgumentException("a write CipherState cannot be the pending read state");
        }
        this.pendingRead = s;
    }

    /** The write keys the next sent ChangeCipherSpec will make current. */
    public void setPendingWrite(CipherState s) {
        if (!s.forWriting() && !s.isInitial()) {
            throw new IllegalArgumentException("a read CipherState cannot be the pending write state");
        }
        this.pendingWrite = s;
    }

    public boolean hasPendingRead() {
        return pendingRead != null;
    }

    public boolean hasPendingWrite() {
        return pendingWrite != null;
    }

    /**
     * A ChangeCipherSpec was received: the pending read state becomes current, with sequence number 0, and the
     * pending slot is empty again.
     *
     * @throws SslAlertException unexpected_message when no pending read state exists: a CCS before the handshake
     *                           has computed keys, or a second one (the CVE-2014-0224 class)
     */
    public void changeReadCipherSpec() throws SslAlertException {
        if (pendingRead == null) {
            throw alert(AlertDescription.UNEXPECTED_MESSAGE, "change_cipher_spec without pending keys");
        }
        readState = keyed(pendingRead, false);
        LOG.debug("read cipher spec now {}", pendingRead);
        pendingRead = null;
    }

    /**
     * We sent a ChangeCipherSpec: the pending write state becomes current, with sequence number 0.
     *
     * @throws IllegalStateException when no pending write state was set (a bug in the caller)
     */
    public void changeWriteCipherSpec() {
        if (pendingWrite == null) {
            throw new IllegalStateException("no pending write state");
        }
        writeState = keyed(pendingWrite, true);
        LOG.debug("write cipher spec now {}", pendingWrite);
        pendingWrite = null;
    }

    private static ConnectionState keyed(CipherState s, boolean encrypt) {
        if (s.isInitial()) {
            return ConnectionState.initial();
        }
        return ConnectionState.keyed(s.version(), s.cipher(), s.mac(), s.macSecret(), s.key(), s.iv(), encrypt);
    }

    /** 1/n-1 splitting of application data under CBC in SSL 3.0 / TLS 1.0 (BEAST countermeasure); on by default. */
    public void setSplitCbcRecords(boolean on) {
        this.splitCbcRecords = on;
    }

    private SslAlertException alert(AlertDescription d, String message) {
        return new SslAlertException(AlertProtocol.sendable(d, version), message);
    }
}
