/**
 * The private groups' EJBs, entities, settings and timer: each bean serves one use case and hands
 * the rule to a plain class of {@link org.portcullis.group}.
 */
package org.portcullis.group.internal;
