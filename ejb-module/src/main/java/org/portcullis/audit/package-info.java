/** The append-only audit log whose rows are hash-chained so that tampering shows. */
package org.portcullis.audit;
