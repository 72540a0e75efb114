/** i2b2 CRC request messages (XML): reading them into the query model, and writing the model back as i2b2 XML. */
package org.smartcc.engine.query.i2b2;
