/** The SMPP 3.4 resource adapter's lifecycle: what the application server starts and stops. */
package org.portcullis.sms.adapter;
