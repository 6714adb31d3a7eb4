package io.sslkit.record;

import io.sslkit.record.testing.Suite;

/** A writer and a reader record layer keyed with the same suite, as the two ends of one direction. Tests only. */
record Connection(RecordLayer writer, RecordLayer reader) {

    static Connection of(Suite s) throws Exception {
        return of(s, RecordLimits.DEFAULT);
    }

    static Connection of(Suite s, RecordLimits limits) throws Exception {
        RecordLayer writer = new RecordLayer(limits);
        writer.setVersion(s.version());
        writer.setPendingWrite(s.state(true));
        writer.changeWriteCipherSpec();
        return new Connection(writer, reader(s));
    }

    static RecordLayer reader(Suite s) throws Exception {
        RecordLayer reader = new RecordLayer(RecordLimits.DEFAULT);
        reader.setVersion(s.version());
        reader.setPendingRead(s.state(false));
        reader.changeReadCipherSpec();
        return reader;
    }
}
