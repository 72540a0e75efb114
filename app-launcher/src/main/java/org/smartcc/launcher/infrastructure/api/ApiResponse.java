package org.smartcc.launcher.infrastructure.api;

/** An answer of the API server passed on unchanged (the SMART Connect proxy, the admin calls). */
public record ApiResponse(int status, String contentType, byte[] body) {
}
