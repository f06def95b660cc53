/**
 * The cluster step's work, above the clustering algorithms of {@code cluster} (which know no store):
 * the window's documents from the analysis and embedding stores, clustered with the index's term
 * statistics, identified against last night's clusters, saved, and tagged in the search index.
 */
package com.escalationrca.cluster.night;
