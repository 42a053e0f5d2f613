/**
 * The message-driven bean that receives mobile-originated SMS and delivery receipts from the SMS
 * resource adapter, and the EJB and entity that keep mobile-originated SMS.
 */
package org.portcullis.inboundsms.internal;
