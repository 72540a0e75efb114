/** The EAR's integration test: a real Payara Server 6 domain, set up by bin/payara-server-setup, on PostgreSQL. */
package org.smartcc.ear;
