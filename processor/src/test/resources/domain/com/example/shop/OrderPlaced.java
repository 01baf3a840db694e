package com.example.shop;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public record OrderPlaced(String id, UUID customer, Instant placedAt, List<Line> lines, Optional<String> note) {}
