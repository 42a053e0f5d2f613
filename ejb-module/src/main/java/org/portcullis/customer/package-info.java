/** Bank customers: account, mobile number, e-mail and their PIN (hashed). */
package org.portcullis.customer;
