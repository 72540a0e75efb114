/** Plain Java model of the SMART REST API: calls, path templates, query parameters and their errors. */
package org.smartcc.records.domain;
