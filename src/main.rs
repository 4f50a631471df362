fn main() {
    println!("briefing");
}
