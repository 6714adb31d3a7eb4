/**
 * The record layer: {@link io.sslkit.record.RecordLayer} frames, fragments and protects records with the
 * {@link io.sslkit.record.CipherState} the handshake computes; {@link io.sslkit.record.ChangeCipherSpec} checks the
 * one-byte message that switches them.
 */
package io.sslkit.record;
