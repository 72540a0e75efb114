/** Reading i2b2 CRC request messages (XML) into the query model. */
package org.smartcc.engine.query.i2b2;
