/** Entities, EJBs and timers of secure messages. */
package org.portcullis.message.internal;
