/** The query model as JSON, for the REST API: the same definitions as i2b2's XML, in camelCase. */
package org.smartcc.engine.query.json;
