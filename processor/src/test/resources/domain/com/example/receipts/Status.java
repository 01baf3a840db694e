package com.example.receipts;

public enum Status { OPEN, CLOSED, VOIDED }
