package org.portcullis.audit;

/**
 * The result of checking the audit chain.
 *
 * @param valid whether every record's hash matches its content and predecessor
 * @param rows how many records were checked
 * @param firstBrokenIndex the chain index of the first record that does not match, or null
 */
public record AuditVerification(boolean valid, long rows, Long firstBrokenIndex) {}
