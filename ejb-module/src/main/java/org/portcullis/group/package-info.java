/**
 * Temporary private groups: the rules in plain classes (access codes, access windows, terms and
 * extensions, message sizes) and the services members, staff and the server's timers call. How a
 * group lives and dies is written down in {@code docs/private-groups.md}.
 */
package org.portcullis.group;
