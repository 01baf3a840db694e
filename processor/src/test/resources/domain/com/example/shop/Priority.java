package com.example.shop;

public enum Priority { LOW, IN_PROGRESS, HIGH }
