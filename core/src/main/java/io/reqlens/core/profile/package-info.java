/**
 * How a request's code profile travels from the local-trace processor to the {@code req} exporter
 * without being sent over OTLP: the exported root span's data implements {@link
 * io.reqlens.core.profile.ProfiledSpanData}, and the exporter writes its {@link
 * io.reqlens.core.profile.FoldedProfile} as a {@code PROF} event.
 */
package io.reqlens.core.profile;
