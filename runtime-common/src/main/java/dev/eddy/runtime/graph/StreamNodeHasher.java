package dev.eddy.runtime.graph;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stable 128-bit operator hashes. A node with a user uid hashes that uid; otherwise its hash
 * derives from its position in the (reproducible) topological order, its parallelism-independent
 * shape (number of inputs and outputs) and its inputs' hashes. So the same program built twice
 * gets the same ids, independent of the process-wide transformation id counter.
 */
final class StreamNodeHasher {
    private StreamNodeHasher() {}

    /** Sets {@link StreamNode#setHashHex} on every node; nodes must be in topological order. */
    static void assignHashes(List<StreamNode> topoOrder) {
        Map<String, StreamNode> userUids = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (int position = 0; position < topoOrder.size(); position++) {
            StreamNode node = topoOrder.get(position);
            String uid = node.getTransformation().getUid();
            byte[] hash;
            if (uid != null) {
                StreamNode previous = userUids.putIfAbsent(uid, node);
                if (previous != null) {
                    throw new IllegalArgumentException("Hash collision on user-specified ID '" + uid + "' of '" + previous.getName()
                            + "' and '" + node.getName() + "'. Most likely cause is a non-unique ID. Please check that all IDs "
                            + "specified via `uid(String)` are unique.");
                }
                hash = digest("uid:" + uid);
            } else {
                hash = generated(node, position);
            }
            String hex = toHex(hash);
            if (!seen.add(hex)) {
                throw new IllegalArgumentException(node.describe() + ": its generated id " + hex
                        + " collides with another operator's; set a unique uid(...) on it");
            }
            node.setHashHex(hex);
        }
    }

    private static byte[] generated(StreamNode node, int position) {
        StringBuilder sb = new StringBuilder("pos:").append(position)
                .append(";in:").append(node.getInEdges().size())
                .append(";out:").append(node.getOutEdges().size());
        for (StreamEdge e : node.getInEdges()) {
            sb.append(';').append(e.getInputIndex()).append('=').append(e.getSource().getHashHex());
        }
        return digest(sb.toString());
    }

    private static byte[] digest(String text) {
        try {
            byte[] full = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(full, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private static String toHex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
