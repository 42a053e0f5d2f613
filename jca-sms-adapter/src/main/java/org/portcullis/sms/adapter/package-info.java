/**
 * The SMPP 3.4 resource adapter itself: its configuration properties and the lifecycle the
 * application server drives (start, stop, endpoint activation).
 */
package org.portcullis.sms.adapter;
