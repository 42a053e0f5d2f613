package org.portcullis.staff;

/** What a staff member may do (SPEC §3.10). */
public enum StaffRole {
  /** everything, including relying systems, pattern tables, function codes and staff */
  ADMIN,
  /** customers, alerts and outboxes */
  OPERATOR,
  /** reads everything, changes nothing */
  AUDITOR
}
