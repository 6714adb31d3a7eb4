/**
 * The alert protocol: {@link io.sslkit.alert.Alert} is the two-byte message, {@link io.sslkit.alert.AlertProtocol}
 * the per-connection rules (fatal alerts, close_notify, warning floods, truncation, alerts each version defines).
 */
package io.sslkit.alert;
